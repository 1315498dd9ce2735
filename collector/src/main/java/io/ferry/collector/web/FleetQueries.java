package io.ferry.collector.web;

import io.ferry.dashboards.page.HostRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The latest CPU, memory and disk readings of every host (or one) over {@link #LOOKBACK}, and the
 * time of its newest point.
 */
final class FleetQueries {

  /** How far back a host is looked for: a host silent for longer is no longer listed. */
  static final String LOOKBACK = "24h";

  private FleetQueries() {}

  /** The statements, for every host or for {@code host} only. */
  static List<String> statements(Optional<String> host) {
    String where =
        " WHERE time > now() - "
            + LOOKBACK
            + host.map(h -> " AND host = " + InfluxQl.string(h)).orElse("");
    return List.of(
        "SELECT last(usage_idle) AS idle FROM cpu"
            + where
            + " AND cpu = 'cpu-total' GROUP BY host, cluster, role",
        "SELECT last(used_percent) AS used FROM mem" + where + " GROUP BY host, cluster, role",
        "SELECT last(used_percent) AS used FROM disk" + where + " GROUP BY host, path",
        "SELECT last(uptime) AS uptime FROM system" + where + " GROUP BY host, cluster, role");
  }

  /** The hosts, silent ones first, then by name. */
  static List<HostRow> hosts(List<List<InfluxSeries>> results, Instant now, Duration silentAfter) {
    Map<String, Builder> hosts = new TreeMap<>();
    for (InfluxSeries series : results.get(0)) {
      Builder host = builder(hosts, series);
      Double idle = InfluxSeries.number(series.first(), "idle");
      host.cpu = idle == null ? null : 100 - idle;
    }
    for (InfluxSeries series : results.get(1)) {
      builder(hosts, series).mem = InfluxSeries.number(series.first(), "used");
    }
    for (InfluxSeries series : results.get(2)) {
      Builder host = builder(hosts, series);
      Double used = InfluxSeries.number(series.first(), "used");
      if (used != null && (host.disk == null || used > host.disk)) {
        host.disk = used;
      }
    }
    for (InfluxSeries series : results.get(3)) {
      builder(hosts, series);
    }
    List<HostRow> rows = new ArrayList<>();
    for (Builder host : hosts.values()) {
      boolean silent = host.last == null || host.last.plus(silentAfter).isBefore(now);
      rows.add(
          new HostRow(
              host.name,
              host.cluster,
              host.role,
              host.last,
              host.cpu,
              host.mem,
              host.disk,
              silent));
    }
    rows.sort(Comparator.comparing((HostRow row) -> !row.silent()).thenComparing(HostRow::host));
    return rows;
  }

  private static Builder builder(Map<String, Builder> hosts, InfluxSeries series) {
    String name = series.tag("host");
    Builder host = hosts.computeIfAbsent(name == null ? "(no host tag)" : name, Builder::new);
    if (series.tag("cluster") != null) {
      host.cluster = series.tag("cluster");
    }
    if (series.tag("role") != null) {
      host.role = series.tag("role");
    }
    Instant at = InfluxSeries.time(series.first());
    if (at != null && (host.last == null || at.isAfter(host.last))) {
      host.last = at;
    }
    return host;
  }

  private static final class Builder {
    final String name;
    String cluster;
    String role;
    Instant last;
    Double cpu;
    Double mem;
    Double disk;

    Builder(String name) {
      this.name = name;
    }
  }
}
