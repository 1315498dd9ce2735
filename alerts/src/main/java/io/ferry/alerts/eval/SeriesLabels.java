package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.lineprotocol.Point;
import java.util.Map;
import java.util.TreeMap;

/** The labels of a rule's alert for one series: the series' tags, the rule's labels, its name. */
final class SeriesLabels {

  private SeriesLabels() {}

  /** Labels for the series of {@code point} under {@code rule}. */
  static Labels of(AlertRule rule, Point point) {
    return of(rule, point.tags());
  }

  /** Labels for a series with {@code tags} under {@code rule}. */
  static Labels of(AlertRule rule, Map<String, String> tags) {
    TreeMap<String, String> values = new TreeMap<>(tags);
    values.putAll(rule.labels());
    values.put(Labels.ALERT_NAME, rule.name());
    values.put(Labels.SEVERITY, rule.severity().configName());
    return new Labels(values);
  }
}
