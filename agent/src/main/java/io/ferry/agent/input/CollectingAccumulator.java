package io.ferry.agent.input;

import io.ferry.lineprotocol.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Accumulator} for one collection of one input: keeps the points and the partial failures
 * in order. Used by one thread at a time (the worker running the collection).
 */
public final class CollectingAccumulator implements Accumulator {

  private final List<Point> points = new ArrayList<>();
  private final Map<String, Throwable> errors = new LinkedHashMap<>();
  private int errorCount;

  @Override
  public void add(Point point) {
    points.add(point);
  }

  @Override
  public void addError(String what, Throwable cause) {
    errorCount++;
    errors.put(what, cause);
  }

  /** The points added so far, in order. */
  public List<Point> points() {
    return List.copyOf(points);
  }

  /** The last failure reported for each part that failed. */
  public Map<String, Throwable> errors() {
    return Map.copyOf(errors);
  }

  /** How many times {@link #addError} was called. */
  public int errorCount() {
    return errorCount;
  }
}
