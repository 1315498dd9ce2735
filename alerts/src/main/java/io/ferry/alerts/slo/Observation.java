package io.ferry.alerts.slo;

/** What {@link SloTracker#observe} did with a point. */
public enum Observation {
  /** Another measurement, or a tag of {@code where} differs: not this SLO's point. */
  IGNORED,
  /** The first point of its series: its counts are the baseline the next point is compared to. */
  BASELINE,
  /** The increase since the series' previous point was counted. */
  COUNTED,
  /** Not newer than the series' last point (a replay or a late point): nothing counted. */
  REPLAYED,
  /** Newer than its series' last point but older than the whole history: nothing counted. */
  TOO_OLD,
  /** The point lacks the SLI's fields; {@link SloTracker#problems()} says which. */
  UNREADABLE
}
