package io.ferry.collector.alerting;

import io.ferry.alerts.slo.SloDefinition;
import io.ferry.alerts.slo.SloStatus;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One SLO's state at one evaluation as the InfluxDB point {@code ferry_slo} (see {@code
 * docs/metrics.md}): tag {@code slo}; fields {@code objective}, {@code sli}, {@code
 * error_budget_remaining}, {@code burn_rate_<window>} for each window of the SLO's alerts (such as
 * {@code burn_rate_1h}, {@code burn_rate_5m}, {@code burn_rate_3d}), {@code events_total}, {@code
 * events_bad} and {@code low_traffic}. A ratio whose window saw no event is left out, never written
 * as 0.
 */
final class SloStatusPoint {

  static final String MEASUREMENT = "ferry_slo";

  private SloStatusPoint() {}

  static Point of(SloDefinition slo, SloStatus status) {
    Point.Builder point = Point.builder(MEASUREMENT).tag("slo", slo.name());
    point.field("objective", slo.objective());
    optional(point, "sli", status.compliance());
    optional(point, "error_budget_remaining", status.errorBudgetRemaining());
    for (Map.Entry<Duration, OptionalDouble> rate : status.burnRates().entrySet()) {
      optional(point, "burn_rate_" + windowName(rate.getKey()), rate.getValue());
    }
    point.field("events_total", status.totalEvents());
    point.field("events_bad", status.badEvents());
    point.field("low_traffic", status.lowTraffic());
    return point.timestamp(status.at()).build();
  }

  /** A window in the largest unit that writes it exactly, as in the SLO configuration: 3d, 1h. */
  static String windowName(Duration window) {
    long seconds = window.toSeconds();
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static void optional(Point.Builder point, String field, OptionalDouble value) {
    if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
      point.field(field, value.getAsDouble());
    }
  }
}
