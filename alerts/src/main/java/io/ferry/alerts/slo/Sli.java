package io.ferry.alerts.slo;

import io.ferry.lineprotocol.Point;

/**
 * A service level indicator: how to read good and total events from the points of one measurement.
 * Both counts are cumulative counters per series; {@link SloTracker} turns them into increases.
 */
public sealed interface Sli permits RatioSli, LatencySli {

  /** The measurement whose points carry the counters. */
  String measurement();

  /**
   * The cumulative good and total counts of one point of {@link #measurement()}, or why the point
   * has none (a missing field, a field that is not a number).
   */
  SliReading read(Point point);
}
