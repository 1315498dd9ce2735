package io.ferry.lineprotocol;

import java.util.List;

/**
 * What a line-protocol body held: the points of the good lines, in order, and an error for each bad
 * line. A body with some bad lines still yields its good points (InfluxDB's own semantics: the good
 * lines are written, the request answers 400 naming the bad ones).
 */
public record ParseResult(List<Point> points, List<LineError> errors) {

  public ParseResult {
    points = List.copyOf(points);
    errors = List.copyOf(errors);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
