package io.ferry.cutover.check;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The state of one replication channel of one server, from one row of {@code SHOW ALL SLAVES
 * STATUS} (MariaDB) or {@code SHOW REPLICA STATUS} (MySQL 8), whose columns have different names.
 *
 * @param channel connection name (MariaDB) or channel name (MySQL); empty for the default one
 * @param source {@code host:port} the channel replicates from
 * @param ioRunning whether the receiver (I/O) thread runs ({@code Yes})
 * @param sqlRunning whether the applier (SQL) thread runs ({@code Yes})
 * @param lastIoError the receiver's last error, empty when none
 * @param lastSqlError the applier's last error, empty when none
 * @param secondsBehind the server's lag estimate in seconds; empty when the server reports NULL (a
 *     thread is stopped or reconnecting)
 * @param sourceServerId the {@code server_id} of the source ({@code Master_Server_Id}); empty while
 *     the receiver has never connected (the server reports 0)
 */
public record ReplicaChannel(
    String channel,
    String source,
    boolean ioRunning,
    boolean sqlRunning,
    String lastIoError,
    String lastSqlError,
    OptionalLong secondsBehind,
    OptionalLong sourceServerId) {

  /**
   * Reads one status row given as column name to value (column names in any case; NULL values as
   * absent keys or null).
   *
   * @throws IllegalArgumentException when a column both dialects need is missing
   */
  public static ReplicaChannel fromRow(Map<String, String> row) {
    Map<String, String> columns = new HashMap<>();
    row.forEach((key, value) -> columns.put(key.toLowerCase(Locale.ROOT), value));
    String host = first(columns, "master_host", "source_host");
    String port = first(columns, "master_port", "source_port");
    String io = first(columns, "slave_io_running", "replica_io_running");
    String sql = first(columns, "slave_sql_running", "replica_sql_running");
    if (io == null || sql == null) {
      throw new IllegalArgumentException(
          "replica status row has no I/O or SQL thread state; columns: " + columns.keySet());
    }
    String lag = first(columns, "seconds_behind_master", "seconds_behind_source");
    String channel = first(columns, "connection_name", "channel_name");
    String sourceId = first(columns, "master_server_id", "source_server_id");
    return new ReplicaChannel(
        channel == null ? "" : channel,
        (host == null ? "?" : host) + ":" + (port == null ? "?" : port),
        "Yes".equalsIgnoreCase(io),
        "Yes".equalsIgnoreCase(sql),
        nullToEmpty(columns.get("last_io_error")),
        nullToEmpty(columns.get("last_sql_error")),
        number(lag),
        number(sourceId).stream().filter(id -> id > 0).findFirst());
  }

  /** Whether both threads run and neither reports an error. */
  public boolean healthy() {
    return ioRunning && sqlRunning && lastIoError.isEmpty() && lastSqlError.isEmpty();
  }

  /** Short description for evidence lines. */
  public String describe() {
    return (channel.isEmpty() ? "" : "channel '" + channel + "' ") + "from " + source;
  }

  private static String first(Map<String, String> columns, String mariaDbName, String mySqlName) {
    String value = columns.get(mariaDbName);
    return value != null ? value : columns.get(mySqlName);
  }

  private static OptionalLong number(String value) {
    return value == null || value.isBlank()
        ? OptionalLong.empty()
        : OptionalLong.of(Long.parseLong(value.strip()));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
