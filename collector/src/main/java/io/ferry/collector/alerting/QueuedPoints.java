package io.ferry.collector.alerting;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the points held in an alert queue (admitted and not yet taken care of) against its bound.
 * A batch is admitted while the queue stays within the bound, and always when the queue is empty,
 * so a batch larger than the bound is not refused forever. Thread-safe without locks.
 */
public final class QueuedPoints {

  private final int max;
  private final AtomicInteger queued = new AtomicInteger();

  /**
   * @param max the bound, in points
   */
  public QueuedPoints(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the bound must be at least one point: " + max);
    }
    this.max = max;
  }

  /** Counts {@code points} in if they fit; false (nothing counted) when they do not. */
  public boolean tryAdd(int points) {
    while (true) {
      int now = queued.get();
      if (now > 0 && now + points > max) {
        return false;
      }
      if (queued.compareAndSet(now, now + points)) {
        return true;
      }
    }
  }

  /** Counts {@code points} in whatever the bound (points that must not be refused). */
  public void add(int points) {
    queued.addAndGet(points);
  }

  /** Counts {@code points} out: taken care of, or given back. */
  public void remove(int points) {
    queued.addAndGet(-points);
  }

  /** Points counted in now. */
  public int queued() {
    return queued.get();
  }

  /** The bound. */
  public int max() {
    return max;
  }
}
