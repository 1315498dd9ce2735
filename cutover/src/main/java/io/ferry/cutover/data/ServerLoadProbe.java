package io.ferry.cutover.data;

import io.ferry.cutover.check.HeartbeatAges;
import io.ferry.cutover.check.HeartbeatReader;
import io.ferry.mysqlfacts.ReplicaStatus;
import io.ferry.mysqlfacts.ReplicaStatusColumn;
import io.ferry.mysqlfacts.ServerDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Reads {@link ServerLoad} from the servers: the status variables the {@link LoadLimit}s name, from
 * both primaries, and the replication lag of every node's running channels — the age of the
 * source's pt-heartbeat row where the node has the heartbeat table (exact to the second even when a
 * replica thread is idle or stalled), otherwise {@code Seconds_Behind_Master}. A stopped channel
 * reports no lag and is left to the replication checks.
 */
public final class ServerLoadProbe implements LoadProbe {

  private final Map<String, Connection> primaries;
  private final List<Connection> allNodes;
  private final Map<Connection, ServerDialect> dialects = new HashMap<>();
  private final List<LoadLimit> limits;
  private final HeartbeatReader heartbeat;

  /**
   * @param primaries connections to the two primaries, by the name used in errors
   * @param allNodes connections to every node (replication lag is read from each)
   * @param limits the status variables to read
   * @param heartbeatTable the pt-heartbeat table, {@code database.table}
   */
  public ServerLoadProbe(
      Map<String, Connection> primaries,
      List<Connection> allNodes,
      List<LoadLimit> limits,
      String heartbeatTable) {
    this.primaries = new LinkedHashMap<>(primaries);
    this.allNodes = List.copyOf(allNodes);
    this.limits = List.copyOf(limits);
    this.heartbeat = new HeartbeatReader(heartbeatTable);
  }

  /**
   * @throws SQLException also when a status variable a limit names does not exist on a primary (a
   *     typo in {@code --max-load} must not pass as "never busy")
   */
  @Override
  public ServerLoad read() throws SQLException {
    Map<String, Long> status = new HashMap<>();
    if (!limits.isEmpty()) {
      String names =
          limits.stream()
              .map(limit -> "'" + limit.variable() + "'")
              .distinct()
              .collect(Collectors.joining(", "));
      for (Map.Entry<String, Connection> primary : primaries.entrySet()) {
        Map<String, Long> read = status(primary.getValue(), names);
        for (LoadLimit limit : limits) {
          Long value = read.get(limit.key());
          if (value == null) {
            throw new SQLException(
                "max-load names status variable "
                    + limit.variable()
                    + ", which the "
                    + primary.getKey()
                    + " does not report as a number in SHOW GLOBAL STATUS");
          }
          status.merge(limit.key(), value, Math::max);
        }
      }
    }
    double lag = 0;
    for (Connection connection : allNodes) {
      lag = Math.max(lag, lag(connection));
    }
    return new ServerLoad(status, lag);
  }

  private static Map<String, Long> status(Connection connection, String names) throws SQLException {
    Map<String, Long> values = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN (" + names + ")")) {
      while (rows.next()) {
        try {
          values.put(rows.getString(1).toUpperCase(Locale.ROOT), Long.parseLong(rows.getString(2)));
        } catch (NumberFormatException e) {
          // not a number (e.g. a status text): reported as missing by the caller
        }
      }
    }
    return values;
  }

  /** The largest lag of the node's running channels, in seconds; 0 when it replicates nothing. */
  private double lag(Connection connection) throws SQLException {
    Map<Long, Long> behindBySource = new HashMap<>();
    ServerDialect dialect = dialects.get(connection);
    if (dialect == null) {
      dialect = ServerDialects.of(connection);
      dialects.put(connection, dialect);
    }
    Optional<String> sql = ReplicaStatus.statement(dialect);
    if (sql.isEmpty()) {
      return 0;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql.get())) {
      while (rows.next()) {
        String behind = rows.getString(ReplicaStatusColumn.SECONDS_BEHIND.name(dialect));
        if (behind != null) {
          long source = rows.getLong(ReplicaStatusColumn.SOURCE_SERVER_ID.name(dialect));
          behindBySource.put(source, Long.parseLong(behind));
        }
      }
    }
    if (behindBySource.isEmpty()) {
      return 0;
    }
    Optional<HeartbeatAges> ages = heartbeat.read(connection);
    double lag = 0;
    for (Map.Entry<Long, Long> channel : behindBySource.entrySet()) {
      OptionalDouble age = ages.map(a -> a.of(channel.getKey())).orElse(OptionalDouble.empty());
      lag = Math.max(lag, age.isPresent() ? age.getAsDouble() : channel.getValue());
    }
    return lag;
  }
}
