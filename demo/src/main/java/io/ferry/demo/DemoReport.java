package io.ferry.demo;

import io.ferry.testkit.LocalInfluxDb;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Reads back from InfluxDB what the agents sent, for the demo's progress lines and summary. */
final class DemoReport {

  private final LocalInfluxDb influx;
  private final String database;

  DemoReport(LocalInfluxDb influx, String database) {
    this.influx = influx;
    this.database = database;
  }

  /** One line per replication channel: its latest state and lag as stored in InfluxDB. */
  void printReplication(PrintStream out) {
    List<Map<String, Object>> rows =
        query(
            "SELECT state, lag_seconds, lag_known, cluster, role FROM mysql_replication"
                + " WHERE time > now() - 1m GROUP BY host, channel ORDER BY time DESC LIMIT 1");
    if (rows.isEmpty()) {
      out.println("    (no replication points in InfluxDB yet)");
    }
    for (Map<String, Object> row : rows) {
      Object lag = row.get("lag_seconds");
      out.printf(
          "    %-11s channel %-8s %-12s lag %s%n",
          row.get("host"),
          row.get("channel"),
          row.get("state"),
          Boolean.TRUE.equals(row.get("lag_known")) && lag != null ? lag + " s" : "unknown");
    }
  }

  /**
   * Prints what arrived per host and checks it.
   *
   * @return true when every host sent OS and MySQL metrics, every replica's channel is running
   *     again, and (when a fault was injected) the stopped SQL thread was reported as stopped with
   *     an unknown lag rather than lag 0
   */
  boolean printSummary(PrintStream out, List<DemoHost> hosts, boolean faultInjected) {
    boolean complete = true;
    out.printf(
        "  %-11s %6s %6s %6s %6s %12s%n", "host", "cpu", "mem", "disk", "mysql", "replication");
    for (DemoHost host : hosts) {
      long cpu = count("usage_idle", "cpu", host.name());
      long mem = count("total", "mem", host.name());
      long disk = count("total", "disk", host.name());
      long mysql = count("threads_connected", "mysql", host.name());
      long replication = count("lag_known", "mysql_replication", host.name());
      out.printf("  %-11s %6d %6d %6d %6d %12d%n", host.name(), cpu, mem, disk, mysql, replication);
      complete &= cpu > 0 && mem > 0 && disk > 0 && mysql > 0 && replication > 0;
    }
    List<Map<String, Object>> tagged =
        query("SELECT count(lag_known) FROM mysql_replication GROUP BY host, cluster, role");
    out.println("  series tagged with host, cluster and role: " + tagged.size());
    complete &= tagged.size() >= hosts.size();
    if (faultInjected) {
      List<Map<String, Object>> stopped =
          query(
              "SELECT count(lag_known) FROM mysql_replication WHERE host = 'old-replica'"
                  + " AND state = 'sql_stopped' AND lag_known = false");
      long points = stopped.isEmpty() ? 0 : number(stopped.get(0).get("count"));
      List<Map<String, Object>> fakeZero =
          query(
              "SELECT count(lag_seconds) FROM mysql_replication WHERE host = 'old-replica'"
                  + " AND state = 'sql_stopped'");
      long zeros = fakeZero.isEmpty() ? 0 : number(fakeZero.get(0).get("count"));
      out.println(
          "  old-replica points saying 'sql_stopped, lag unknown' during the fault: "
              + points
              + " (points with a lag value while stopped: "
              + zeros
              + ")");
      complete &= points > 0 && zeros == 0;
    }
    return complete;
  }

  private long count(String field, String measurement, String host) {
    List<Map<String, Object>> rows =
        query(
            "SELECT count(\""
                + field
                + "\") FROM \""
                + measurement
                + "\" WHERE host = '"
                + host.replace("'", "\\'")
                + "'");
    return rows.isEmpty() ? 0 : number(rows.get(0).get("count"));
  }

  private List<Map<String, Object>> query(String influxQl) {
    try {
      return influx.queryRows(database, influxQl);
    } catch (IllegalStateException e) {
      // Before the first write the database does not exist yet: nothing has arrived.
      if (String.valueOf(e.getMessage()).contains("database not found")) {
        return List.of();
      }
      throw e;
    }
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
