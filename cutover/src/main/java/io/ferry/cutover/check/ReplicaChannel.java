package io.ferry.cutover.check;

import io.ferry.mysqlfacts.ReplicaStatusColumn;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The state of one replication channel of one server, from one row of the server's replica status
 * statement ({@link io.ferry.mysqlfacts.ReplicaStatus}), whose columns are named differently by
 * MariaDB, MySQL before 8.0.22 and MySQL 8.0.22+ ({@link ReplicaStatusColumn}).
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
    String host = ReplicaStatusColumn.SOURCE_HOST.valueIn(columns);
    String port = ReplicaStatusColumn.SOURCE_PORT.valueIn(columns);
    String io = ReplicaStatusColumn.IO_RUNNING.valueIn(columns);
    String sql = ReplicaStatusColumn.SQL_RUNNING.valueIn(columns);
    if (io == null || sql == null) {
      throw new IllegalArgumentException(
          "replica status row has no I/O or SQL thread state; columns: " + columns.keySet());
    }
    String lag = ReplicaStatusColumn.SECONDS_BEHIND.valueIn(columns);
    String channel = ReplicaStatusColumn.CHANNEL.valueIn(columns);
    String sourceId = ReplicaStatusColumn.SOURCE_SERVER_ID.valueIn(columns);
    return new ReplicaChannel(
        channel == null ? "" : channel,
        (host == null ? "?" : host) + ":" + (port == null ? "?" : port),
        "Yes".equalsIgnoreCase(io),
        "Yes".equalsIgnoreCase(sql),
        nullToEmpty(ReplicaStatusColumn.LAST_IO_ERROR.valueIn(columns)),
        nullToEmpty(ReplicaStatusColumn.LAST_SQL_ERROR.valueIn(columns)),
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

  private static OptionalLong number(String value) {
    return value == null || value.isBlank()
        ? OptionalLong.empty()
        : OptionalLong.of(Long.parseLong(value.strip()));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
