package io.ferry.agent;

import io.ferry.lineprotocol.Point;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Points waiting to be pushed, oldest first, at most a fixed number: past it the oldest points are
 * dropped and counted. Not thread-safe: the agent uses it from its event loop only.
 */
public final class PointBuffer {

  private final int capacity;
  private final ArrayDeque<Point> points = new ArrayDeque<>();
  private long dropped;

  /**
   * @param capacity the most points kept (at least 1)
   */
  public PointBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Appends the points, dropping the oldest ones past the capacity. */
  public void addAll(Collection<Point> newest) {
    points.addAll(newest);
    dropOverflow();
  }

  /** Removes and returns up to {@code max} of the oldest points. */
  public List<Point> takeOldest(int max) {
    int count = Math.min(max, points.size());
    List<Point> batch = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      batch.add(points.pollFirst());
    }
    return batch;
  }

  /**
   * Puts a batch that could not be sent back in front of the newer points, in its order. If newer
   * points filled the buffer meanwhile, the oldest are dropped as usual.
   */
  public void putBack(List<Point> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      points.addFirst(batch.get(i));
    }
    dropOverflow();
  }

  public int size() {
    return points.size();
  }

  public boolean isEmpty() {
    return points.isEmpty();
  }

  /** How many points were dropped because the buffer was full, since it was created. */
  public long dropped() {
    return dropped;
  }

  private void dropOverflow() {
    while (points.size() > capacity) {
      points.pollFirst();
      dropped++;
    }
  }
}
