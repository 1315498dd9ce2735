package io.ferry.collector.web;

import io.ferry.dashboards.page.AlertHistoryRow;
import io.ferry.dashboards.page.TimeRange;
import io.ferry.dashboards.page.VerdictRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Alert transitions ({@code ferry_alert}) and comparison verdicts ({@code ferry_compare}). */
final class HistoryQueries {

  /** The most rows a history table shows. */
  static final int LIMIT = 100;

  private static final Set<String> ALERT_COLUMNS =
      Set.of("time", "alertname", "status", "previous", "value", "summary");

  private HistoryQueries() {}

  static String alerts(TimeRange range) {
    return "SELECT * FROM ferry_alert WHERE time > now() - "
        + range.code()
        + " ORDER BY time DESC LIMIT "
        + LIMIT;
  }

  static String verdicts(TimeRange range) {
    return "SELECT * FROM ferry_compare WHERE time > now() - "
        + range.code()
        + " ORDER BY time DESC LIMIT "
        + LIMIT;
  }

  /** The newest verdict, however old. */
  static String latestVerdict() {
    return "SELECT * FROM ferry_compare ORDER BY time DESC LIMIT 1";
  }

  /**
   * When the service switched to the new cluster: the first {@code post} comparison, however old. A
   * comparison of phase {@code post} is run only once traffic has moved (the migration lead runs
   * {@code ferry compare --phase post} after the DNS switch, or sets {@code compare.phase: post}),
   * so its first verdict is the earliest moment Ferry knows the switch had happened.
   */
  static String switchedAt() {
    return "SELECT first(exit_code) AS exit_code FROM ferry_compare WHERE phase = 'post'";
  }

  /** The time of {@link #switchedAt()}'s answer; empty before the first post comparison. */
  static Optional<Instant> switchTime(List<InfluxSeries> result) {
    return result.stream()
        .flatMap(series -> series.rows().stream())
        .map(InfluxSeries::time)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  static List<AlertHistoryRow> alertRows(List<InfluxSeries> result) {
    List<AlertHistoryRow> rows = new ArrayList<>();
    for (InfluxSeries series : result) {
      for (Map<String, Object> row : series.rows()) {
        Map<String, Object> labels = new TreeMap<>(row);
        labels.keySet().removeAll(ALERT_COLUMNS);
        rows.add(
            new AlertHistoryRow(
                InfluxSeries.time(row),
                InfluxSeries.text(row, "alertname"),
                InfluxSeries.text(row, "status"),
                InfluxSeries.text(row, "previous"),
                labels.entrySet().stream()
                    .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                    .collect(Collectors.joining(", ")),
                InfluxSeries.text(row, "summary")));
      }
    }
    return rows;
  }

  static List<VerdictRow> verdictRows(List<InfluxSeries> result) {
    List<VerdictRow> rows = new ArrayList<>();
    for (InfluxSeries series : result) {
      for (Map<String, Object> row : series.rows()) {
        rows.add(
            new VerdictRow(
                InfluxSeries.time(row),
                InfluxSeries.text(row, "phase"),
                InfluxSeries.text(row, "verdict"),
                InfluxSeries.number(row, "checks_failed"),
                InfluxSeries.number(row, "checks_warned"),
                InfluxSeries.number(row, "tables"),
                InfluxSeries.number(row, "tables_differing"),
                InfluxSeries.number(row, "duration_seconds")));
      }
    }
    return rows;
  }
}
