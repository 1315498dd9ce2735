package io.ferry.dashboards.page;

/**
 * One replication channel: a replica reading from a source (measurement {@code mysql_replication}).
 *
 * @param replica the replica's {@code host} tag
 * @param replicaCluster the replica's cluster, or null
 * @param channel the channel name
 * @param source the source as {@code host:port}
 * @param sourceCluster the source's cluster when the source is a known host, or null
 * @param state {@code running}, {@code connecting}, {@code error}, ...
 * @param ioState the I/O thread's state
 * @param sqlState the SQL thread's state
 * @param lagSeconds the reported lag; null when not known (never 0 for unknown)
 * @param heartbeatLagSeconds the heartbeat lag, or null
 * @param gtidPosition the executed GTID set as the replica reports it
 * @param lastError the last I/O or SQL error, or null
 */
public record ReplicationLink(
    String replica,
    String replicaCluster,
    String channel,
    String source,
    String sourceCluster,
    String state,
    String ioState,
    String sqlState,
    Double lagSeconds,
    Double heartbeatLagSeconds,
    String gtidPosition,
    String lastError) {

  /** {@code old → new}, or {@code ? → new} when the source is not a known host. */
  public String direction() {
    return Fmt.text(sourceCluster).replace(Fmt.MISSING, "?")
        + " → "
        + Fmt.text(replicaCluster).replace(Fmt.MISSING, "?");
  }

  /** Whether both threads run. */
  public boolean healthy() {
    return "running".equals(state);
  }
}
