package io.ferry.alerts.eval;

import io.ferry.alerts.rule.Aggregate;
import java.util.Arrays;

/**
 * The recent values of one series for a threshold rule: timestamps and values in two arrays of
 * primitives, oldest first (16 bytes a value, where a map of boxed readings takes about 80). A
 * timestamp seen again replaces its value, so a point an agent re-sends after a refused batch
 * counts once; a late point is put in its place. Not thread-safe (the engine holds its lock).
 */
final class SeriesWindow {

  private static final int INITIAL_CAPACITY = 2;

  private long[] nanos = new long[INITIAL_CAPACITY];
  private double[] values = new double[INITIAL_CAPACITY];

  /** The live values are at indexes start (inclusive) to end (exclusive). */
  private int start;

  private int end;

  /** Keeps {@code value} taken at {@code time} (nanoseconds since the epoch). */
  void put(long time, double value) {
    if (start == end || time > nanos[end - 1]) {
      makeRoom();
      nanos[end] = time;
      values[end] = value;
      end++;
      return;
    }
    int found = Arrays.binarySearch(nanos, start, end, time);
    if (found >= 0) {
      values[found] = value;
      return;
    }
    int at = -found - 1 - start;
    makeRoom();
    at += start;
    System.arraycopy(nanos, at, nanos, at + 1, end - at);
    System.arraycopy(values, at, values, at + 1, end - at);
    nanos[at] = time;
    values[at] = value;
    end++;
  }

  /** Makes room for one more value at the end: moves the live values to the front, or grows. */
  private void makeRoom() {
    if (end < nanos.length) {
      return;
    }
    int size = end - start;
    if (start > 0) {
      System.arraycopy(nanos, start, nanos, 0, size);
      System.arraycopy(values, start, values, 0, size);
    } else {
      nanos = Arrays.copyOf(nanos, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    start = 0;
    end = size;
  }

  /**
   * Reduces the values taken at or after {@code oldest} with {@code aggregate}.
   *
   * @return the aggregate, NaN when no value is that recent
   */
  double aggregate(Aggregate aggregate, long oldest, double percentile, double predictSeconds) {
    return aggregate.apply(nanos, values, firstAtOrAfter(oldest), end, percentile, predictSeconds);
  }

  /** Drops the values taken before {@code oldest}; gives memory back when most of it is unused. */
  void dropBefore(long oldest) {
    start = firstAtOrAfter(oldest);
    int size = end - start;
    if (size == 0) {
      start = 0;
      end = 0;
    }
    if (nanos.length > 4 * INITIAL_CAPACITY && size < nanos.length / 4) {
      int capacity = Math.max(INITIAL_CAPACITY, size * 2);
      nanos = Arrays.copyOfRange(nanos, start, start + capacity);
      values = Arrays.copyOfRange(values, start, start + capacity);
      start = 0;
      end = size;
    }
  }

  /** Whether no value is kept. */
  boolean isEmpty() {
    return start == end;
  }

  private int firstAtOrAfter(long time) {
    if (start == end || nanos[start] >= time) {
      return start;
    }
    int found = Arrays.binarySearch(nanos, start, end, time);
    return found >= 0 ? found : -found - 1;
  }
}
