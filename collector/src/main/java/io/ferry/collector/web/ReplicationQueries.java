package io.ferry.collector.web;

import io.ferry.dashboards.page.ReplicationLink;
import io.ferry.dashboards.page.ReplicationNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest state of every database server ({@code mysql}) and replication channel ({@code
 * mysql_replication}). A lag is shown only when the newest point says it is known: {@code last()}
 * of {@code lag_seconds} alone would show the lag from before a thread stopped.
 */
final class ReplicationQueries {

  private static final Set<String> ERROR_STATES = Set.of("error", "io_stopped", "sql_stopped");

  private ReplicationQueries() {}

  static List<String> statements() {
    String where = " WHERE time > now() - " + FleetQueries.LOOKBACK;
    return List.of(
        "SELECT last(read_only) AS read_only, last(gtid_current_pos) AS gtid_current_pos,"
            + " last(gtid_executed) AS gtid_executed, last(version) AS version FROM mysql"
            + where
            + " GROUP BY host, cluster, role",
        "SELECT last(state) AS state, last(io_state) AS io_state, last(sql_state) AS sql_state,"
            + " last(lag_known) AS lag_known, last(lag_seconds) AS lag_seconds,"
            + " last(heartbeat_age_known) AS heartbeat_known,"
            + " last(heartbeat_lag_seconds) AS heartbeat_lag_seconds,"
            + " last(executed_gtid_set) AS executed_gtid_set,"
            + " last(last_io_error) AS last_io_error, last(last_sql_error) AS last_sql_error"
            + " FROM mysql_replication"
            + where
            + " GROUP BY host, cluster, channel, source_host, source_port");
  }

  static List<ReplicationNode> nodes(List<List<InfluxSeries>> results) {
    List<ReplicationNode> nodes = new ArrayList<>();
    for (InfluxSeries series : results.get(0)) {
      Map<String, Object> row = series.first();
      String gtid = InfluxSeries.text(row, "gtid_current_pos");
      nodes.add(
          new ReplicationNode(
              series.tag("host"),
              series.tag("cluster"),
              series.tag("role"),
              InfluxSeries.bool(row, "read_only"),
              gtid != null ? gtid : InfluxSeries.text(row, "gtid_executed"),
              InfluxSeries.text(row, "version")));
    }
    nodes.sort(
        Comparator.comparing((ReplicationNode n) -> n.cluster() == null ? "" : n.cluster())
            .thenComparing(n -> n.host() == null ? "" : n.host()));
    return nodes;
  }

  static List<ReplicationLink> links(
      List<List<InfluxSeries>> results, List<ReplicationNode> nodes) {
    Map<String, String> clusterOf = new HashMap<>();
    for (ReplicationNode node : nodes) {
      if (node.host() != null && node.cluster() != null) {
        clusterOf.put(node.host(), node.cluster());
      }
    }
    List<ReplicationLink> links = new ArrayList<>();
    for (InfluxSeries series : results.get(1)) {
      Map<String, Object> row = series.first();
      String state = InfluxSeries.text(row, "state");
      String sourceHost = series.tag("source_host");
      String source =
          (sourceHost == null ? "?" : sourceHost)
              + (series.tag("source_port") == null ? "" : ":" + series.tag("source_port"));
      String error = null;
      if (state != null && ERROR_STATES.contains(state)) {
        error = InfluxSeries.text(row, "last_sql_error");
        if (error == null) {
          error = InfluxSeries.text(row, "last_io_error");
        }
      }
      String replicaCluster = series.tag("cluster");
      if (replicaCluster == null) {
        replicaCluster = clusterOf.get(series.tag("host"));
      }
      links.add(
          new ReplicationLink(
              series.tag("host"),
              replicaCluster,
              series.tag("channel"),
              source,
              sourceHost == null ? null : clusterOf.get(sourceHost),
              state == null ? "unknown" : state,
              InfluxSeries.text(row, "io_state"),
              InfluxSeries.text(row, "sql_state"),
              Boolean.TRUE.equals(InfluxSeries.bool(row, "lag_known"))
                  ? InfluxSeries.number(row, "lag_seconds")
                  : null,
              Boolean.TRUE.equals(InfluxSeries.bool(row, "heartbeat_known"))
                  ? InfluxSeries.number(row, "heartbeat_lag_seconds")
                  : null,
              InfluxSeries.text(row, "executed_gtid_set"),
              error));
    }
    links.sort(
        Comparator.comparing((ReplicationLink l) -> l.replica() == null ? "" : l.replica())
            .thenComparing(l -> l.channel() == null ? "" : l.channel()));
    return links;
  }
}
