package io.ferry.agent.input.mysql;

import io.ferry.agent.input.Accumulator;
import io.ferry.lineprotocol.Point;
import java.util.ArrayList;
import java.util.List;

/** Keeps what an input reported, for assertions. */
final class RecordingAccumulator implements Accumulator {

  final List<Point> points = new ArrayList<>();
  final List<String> errors = new ArrayList<>();

  @Override
  public void add(Point point) {
    points.add(point);
  }

  @Override
  public void addError(String what, Throwable cause) {
    errors.add(what);
  }

  List<Point> measurement(String name) {
    return points.stream().filter(point -> point.measurement().equals(name)).toList();
  }

  Point single(String name) {
    List<Point> found = measurement(name);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + name + " point but got " + found);
    }
    return found.get(0);
  }
}
