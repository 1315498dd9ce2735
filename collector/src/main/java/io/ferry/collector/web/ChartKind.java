package io.ferry.collector.web;

import io.ferry.dashboards.page.TimeRange;
import java.util.Arrays;
import java.util.Optional;

/**
 * The charts the pages show, each one InfluxQL query; served as {@code /charts/<code>.png}. Charts
 * of one host take it from {@code ?host=}; one series per {@code GROUP BY} tag combination.
 */
enum ChartKind {
  HOST_CPU(
      "host-cpu",
      "CPU busy",
      "%",
      true,
      "100 - mean(usage_idle)",
      "cpu",
      "AND cpu = 'cpu-total'",
      ""),
  HOST_MEMORY("host-memory", "Memory used", "%", true, "mean(used_percent)", "mem", "", ""),
  HOST_DISK("host-disk", "Disk used", "%", true, "mean(used_percent)", "disk", "", ", path"),
  HOST_LOAD("host-load", "Load (1 min)", "load", true, "mean(load1)", "system", "", ""),
  HOST_LAG(
      "host-lag",
      "Replication lag (reported)",
      "s",
      true,
      "mean(lag_seconds)",
      "mysql_replication",
      "",
      ", channel"),
  REPLICATION_LAG(
      "replication-lag",
      "Replication lag per link (Seconds_Behind_Master)",
      "s",
      false,
      "mean(lag_seconds)",
      "mysql_replication",
      "",
      ", host, channel"),
  REPLICATION_HEARTBEAT(
      "replication-heartbeat",
      "Replication lag per link (heartbeat)",
      "s",
      false,
      "mean(heartbeat_lag_seconds)",
      "mysql_replication",
      "",
      ", host, channel"),
  COMPARE_FAILED(
      "compare-failed",
      "Failed comparison checks",
      "checks",
      false,
      "max(checks_failed)",
      "ferry_compare",
      "",
      ", phase");

  private final String code;
  private final String title;
  private final String unit;
  private final boolean perHost;
  private final String select;
  private final String measurement;
  private final String extraWhere;
  private final String groupBy;

  ChartKind(
      String code,
      String title,
      String unit,
      boolean perHost,
      String select,
      String measurement,
      String extraWhere,
      String groupBy) {
    this.code = code;
    this.title = title;
    this.unit = unit;
    this.perHost = perHost;
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

  /** Whether the chart needs {@code ?host=}. */
  boolean perHost() {
    return perHost;
  }

  /** The InfluxQL statement; {@code host} is quoted, so any text is safe. */
  String statement(TimeRange range, String host) {
    return "SELECT "
        + select
        + " AS value FROM "
        + measurement
        + " WHERE time > now() - "
        + range.code()
        + (perHost ? " AND host = " + InfluxQl.string(host) : "")
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
