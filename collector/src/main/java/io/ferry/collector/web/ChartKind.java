package io.ferry.collector.web;

import io.ferry.dashboards.page.TimeRange;
import java.util.Arrays;
import java.util.Optional;

/**
 * The charts the pages show, each one InfluxQL query; served as {@code /charts/<code>.png}. A chart
 * of one subject (a host, an SLO) takes it from the query parameter named like its tag ({@code
 * ?host=}, {@code ?slo=}); one line per {@code GROUP BY} tag combination, and per selected column
 * when the query selects several (the burn rate of each window).
 */
enum ChartKind {
  HOST_CPU(
      "host-cpu",
      "CPU busy",
      "%",
      "host",
      "100 - mean(usage_idle) AS value",
      "cpu",
      "AND cpu = 'cpu-total'",
      ""),
  HOST_MEMORY(
      "host-memory", "Memory used", "%", "host", "mean(used_percent) AS value", "mem", "", ""),
  HOST_DISK(
      "host-disk", "Disk used", "%", "host", "mean(used_percent) AS value", "disk", "", ", path"),
  HOST_LOAD("host-load", "Load (1 min)", "load", "host", "mean(load1) AS value", "system", "", ""),
  HOST_LAG(
      "host-lag",
      "Replication lag (reported)",
      "s",
      "host",
      "mean(lag_seconds) AS value",
      "mysql_replication",
      "",
      ", channel"),
  REPLICATION_LAG(
      "replication-lag",
      "Replication lag per link (Seconds_Behind_Master)",
      "s",
      null,
      "mean(lag_seconds) AS value",
      "mysql_replication",
      "",
      ", host, channel"),
  REPLICATION_HEARTBEAT(
      "replication-heartbeat",
      "Replication lag per link (heartbeat)",
      "s",
      null,
      "mean(heartbeat_lag_seconds) AS value",
      "mysql_replication",
      "",
      ", host, channel"),
  /** The error budget left (1 = untouched, 0 = spent, below 0 = overspent) over the range. */
  SLO_BUDGET(
      "slo-budget",
      "Error budget left",
      "budget (1 = untouched)",
      "slo",
      "min(error_budget_remaining) AS value",
      "ferry_slo",
      "",
      ""),
  /** One line per burn-rate window ({@code burn_rate_5m}, {@code burn_rate_1h}, ...). */
  SLO_BURN(
      "slo-burn",
      "Burn rate per window",
      "× budget rate",
      "slo",
      "max(/^burn_rate_/)",
      "ferry_slo",
      "",
      ""),
  /**
   * Failed checks of each comparison, per phase; the cutover page marks the switch on it (see
   * {@link HistoryQueries#switchedAt()}).
   */
  COMPARE_FAILED(
      "compare-failed",
      "Failed comparison checks",
      "checks",
      null,
      "max(checks_failed) AS value",
      "ferry_compare",
      "",
      ", phase");

  private final String code;
  private final String title;
  private final String unit;
  private final String subjectTag;
  private final String select;
  private final String measurement;
  private final String extraWhere;
  private final String groupBy;

  ChartKind(
      String code,
      String title,
      String unit,
      String subjectTag,
      String select,
      String measurement,
      String extraWhere,
      String groupBy) {
    this.code = code;
    this.title = title;
    this.unit = unit;
    this.subjectTag = subjectTag;
    this.select = select;
    this.measurement = measurement;
    this.extraWhere = extraWhere;
    this.groupBy = groupBy;
  }

  String code() {
    return code;
  }

  String title() {
    return title;
  }

  String unit() {
    return unit;
  }

  /**
   * The tag that names the chart's subject, also the name of its query parameter ({@code host},
   * {@code slo}); empty for a chart of everything.
   */
  Optional<String> subjectTag() {
    return Optional.ofNullable(subjectTag);
  }

  /** The InfluxQL statement; {@code subject} is quoted, so any text is safe. */
  String statement(TimeRange range, String subject) {
    return "SELECT "
        + select
        + " FROM "
        + measurement
        + " WHERE time > now() - "
        + range.code()
        + (subjectTag != null ? " AND " + subjectTag + " = " + InfluxQl.string(subject) : "")
        + (extraWhere.isEmpty() ? "" : " " + extraWhere)
        + " GROUP BY time("
        + range.interval()
        + ")"
        + groupBy
        + " fill(none)";
  }

  static Optional<ChartKind> fromCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }
}
