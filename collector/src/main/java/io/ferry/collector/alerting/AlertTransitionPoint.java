package io.ferry.collector.alerting;

import io.ferry.alerts.Alert;
import io.ferry.alerts.eval.Transition;
import io.ferry.lineprotocol.Point;
import java.time.Instant;
import java.util.Locale;

/**
 * An alert's status change as the InfluxDB point {@code ferry_alert} (see {@code docs/metrics.md}):
 * the alert's labels as tags, {@code status}, {@code previous}, {@code value} and {@code summary}
 * as fields, stamped with the time of the change.
 */
final class AlertTransitionPoint {

  private AlertTransitionPoint() {}

  static Point of(Transition transition, Instant at) {
    Alert alert = transition.alert();
    Point.Builder point = Point.builder("ferry_alert").tags(alert.labels().values());
    point.field("status", lower(alert.status().name()));
    point.field("previous", transition.previous().map(s -> lower(s.name())).orElse("inactive"));
    if (!Double.isNaN(alert.value()) && !Double.isInfinite(alert.value())) {
      point.field("value", alert.value());
    }
    point.field("summary", alert.summary());
    return point.timestamp(at).build();
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
