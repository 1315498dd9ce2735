package io.ferry.alerts.eval;

import io.ferry.lineprotocol.Point;
import java.time.Instant;

/** The time a point stands for: its own timestamp, or its arrival when it has none. */
final class PointTime {

  private PointTime() {}

  /** Nanoseconds since the epoch. */
  static long nanos(Point point, Instant arrival) {
    return point.timestamp().orElse(Point.epochNanos(arrival));
  }
}
