package io.ferry.collector.web;

import io.ferry.dashboards.page.HostRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The latest CPU, memory and disk readings of every host (or one) over {@link #RECENT}, and the
 * time of its newest point. Hosts the index knows but that sent nothing recently are looked up
 * again over {@link #LOOKBACK}, by name, so that the common case (every host reporting) never makes
 * InfluxDB read a day of points.
 */
final class FleetQueries {

  /** The window of the readings: a host with no point in it is silent. */
  static final String RECENT = "10m";

  /** How far back a silent host is looked for: one silent for longer is no longer listed. */
  static final String LOOKBACK = "24h";

  /** The statement listing every host InfluxDB's index knows (from {@code system}). */
  static final String KNOWN_HOSTS = "SHOW TAG VALUES FROM system WITH KEY = host";

  private FleetQueries() {}

  /**
   * The statements over {@link #RECENT}, for every host (then a fifth one lists the known hosts) or
   * for {@code host} only (four: a host page looks the host up over {@link #LOOKBACK} only when it
   * sent nothing recently, with {@link #lastSeen}).
   */
  static List<String> statements(Optional<String> host) {
    String where =
        " WHERE time > now() - "
            + RECENT
            + host.map(h -> " AND host = " + InfluxQl.string(h)).orElse("");
    List<String> statements = new ArrayList<>();
    statements.addAll(
        List.of(
            "SELECT last(usage_idle) AS idle FROM cpu"
                + where
                + " AND cpu = 'cpu-total' GROUP BY host, cluster, role",
            "SELECT last(used_percent) AS used FROM mem" + where + " GROUP BY host, cluster, role",
            "SELECT last(used_percent) AS used FROM disk" + where + " GROUP BY host, path",
            "SELECT last(uptime) AS uptime FROM system" + where + " GROUP BY host, cluster, role"));
    if (host.isEmpty()) {
      statements.add(KNOWN_HOSTS);
    }
    return statements;
  }

  /** The newest {@code system} point of each of {@code hosts} over {@link #LOOKBACK}. */
  static String lastSeen(Collection<String> hosts) {
    return "SELECT last(uptime) AS uptime FROM system WHERE time > now() - "
        + LOOKBACK
        + " AND ("
        + hosts.stream()
            .map(h -> "host = " + InfluxQl.string(h))
            .collect(Collectors.joining(" OR "))
        + ") GROUP BY host, cluster, role";
  }

  /**
   * Hosts the index knows, and hosts the alert inventory expects, that sent no reading in {@link
   * #RECENT}.
   */
  static Set<String> quietHosts(List<List<InfluxSeries>> results, Set<String> expected) {
    Set<String> quiet = new TreeSet<>(expected);
    for (InfluxSeries series : results.get(4)) {
      if (series.columns().contains("value")) {
        for (Map<String, Object> row : series.rows()) {
          quiet.add(InfluxSeries.text(row, "value"));
        }
      }
    }
    for (int i = 0; i < 4; i++) {
      for (InfluxSeries series : results.get(i)) {
        quiet.remove(series.tag("host"));
      }
    }
    return quiet;
  }

  /**
   * The hosts, with the {@code expected} ones that sent nothing at all: those that never reported
   * first, then silent ones, then by name.
   */
  static List<HostRow> hosts(
      List<List<InfluxSeries>> results, Instant now, Duration silentAfter, Set<String> expected) {
    Map<String, Builder> hosts = new TreeMap<>();
    for (String host : expected) {
      hosts.put(host, new Builder(host));
    }
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
    // The newest points: the recent system points, and any last-seen lookups after them.
    for (int i = 3; i < results.size(); i++) {
      for (InfluxSeries series : results.get(i)) {
        if (series.columns().contains("uptime")) {
          builder(hosts, series);
        }
      }
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
              silent,
              host.last == null));
    }
    rows.sort(
        Comparator.comparing((HostRow row) -> !row.neverReported())
            .thenComparing(row -> !row.silent())
            .thenComparing(HostRow::host));
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
