package io.ferry.alerts.slo;

import java.util.OptionalDouble;

/**
 * Events counted over a window, summed across series.
 *
 * @param total all events
 * @param bad events that were not good
 */
record EventCounts(double total, double bad) {

  static final EventCounts NONE = new EventCounts(0, 0);

  EventCounts plus(double moreTotal, double moreBad) {
    return new EventCounts(total + moreTotal, bad + moreBad);
  }

  /** Bad over total; empty without traffic. */
  OptionalDouble errorRatio() {
    return total > 0 ? OptionalDouble.of(bad / total) : OptionalDouble.empty();
  }
}
