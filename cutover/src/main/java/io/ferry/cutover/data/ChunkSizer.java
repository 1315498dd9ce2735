package io.ferry.cutover.data;

import java.time.Duration;

/**
 * Adapts the chunk size so that hashing one chunk takes about the target time: after each chunk the
 * next size is the measured rate times the target, at most quadrupled or halved per step and kept
 * within the bounds. Growing faster than it shrinks reaches the target from a small first chunk in
 * few steps, while a chunk that turns out slow is cut back at once.
 */
public final class ChunkSizer {

  private final Duration target;
  private final int min;
  private final int max;
  private int current;

  /**
   * @param target time one chunk should take
   * @param initial rows in the first chunk
   * @param min fewest rows per chunk
   * @param max most rows per chunk
   */
  public ChunkSizer(Duration target, int initial, int min, int max) {
    this.target = target;
    this.min = min;
    this.max = max;
    this.current = initial;
  }

  /** Rows to put in the next chunk. */
  public int current() {
    return current;
  }

  /** Records how long a chunk of {@code rows} rows took and adapts the next size. */
  public void record(long rows, Duration elapsed) {
    long nanos = Math.max(1, elapsed.toNanos());
    double ideal = rows <= 0 ? current * 2.0 : rows * (double) target.toNanos() / nanos;
    double bounded = Math.max(current / 2.0, Math.min(current * 4.0, ideal));
    current = (int) Math.max(min, Math.min(max, Math.round(bounded)));
  }
}
