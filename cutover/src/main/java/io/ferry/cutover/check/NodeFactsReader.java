package io.ferry.cutover.check;

import io.ferry.cutover.Node;
import io.ferry.mysqlfacts.ReplicaStatus;
import io.ferry.mysqlfacts.ServerDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@link NodeFacts} from a server (MariaDB or MySQL). */
public final class NodeFactsReader {

  private final HeartbeatReader heartbeat;

  /**
   * @param heartbeatTable the pt-heartbeat table ({@code database.table}) to read where it exists
   * @throws IllegalArgumentException when the name is not of the form {@code database.table}
   */
  public NodeFactsReader(String heartbeatTable) {
    this.heartbeat = new HeartbeatReader(heartbeatTable);
  }

  private static final List<String> VARIABLES =
      List.of(
          "version",
          "server_id",
          "server_uuid",
          "read_only",
          "super_read_only",
          "auto_increment_increment",
          "auto_increment_offset",
          "binlog_format",
          "log_bin",
          "log_slave_updates",
          "log_replica_updates",
          "gtid_domain_id",
          "gtid_binlog_pos",
          "gtid_binlog_state",
          "gtid_current_pos",
          "gtid_slave_pos",
          "gtid_executed",
          "gtid_mode");

  /** Reads the node's facts over the given connection. */
  public NodeFacts read(Node node, Connection connection) throws SQLException {
    Map<String, String> variables = globalVariables(connection, VARIABLES);
    ServerDialect dialect;
    try {
      dialect = ServerDialect.parse(variables.get("version"));
    } catch (IllegalArgumentException e) {
      throw new SQLException(node.name() + ": " + e.getMessage(), e);
    }
    boolean mariaDb = dialect.mariaDb();
    if (!mariaDb && !variables.containsKey("log_slave_updates")) {
      String replicaUpdates = variables.get("log_replica_updates");
      if (replicaUpdates != null) {
        variables.put("log_slave_updates", replicaUpdates);
      }
    }
    return new NodeFacts(
        node, mariaDb, variables, channels(connection, dialect), heartbeat.read(connection));
  }

  /** Reads the named global variables (absent ones are left out), keyed by lower-case name. */
  static Map<String, String> globalVariables(Connection connection, List<String> names)
      throws SQLException {
    Map<String, String> variables = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW GLOBAL VARIABLES")) {
      while (rows.next()) {
        String name = rows.getString(1).toLowerCase(Locale.ROOT);
        if (names.contains(name)) {
          variables.put(name, rows.getString(2) == null ? "" : rows.getString(2));
        }
      }
    }
    return variables;
  }

  /** Every channel, by the statement and column names of the server's version. */
  private static List<ReplicaChannel> channels(Connection connection, ServerDialect dialect)
      throws SQLException {
    Optional<String> sql = ReplicaStatus.statement(dialect);
    List<ReplicaChannel> channels = new ArrayList<>();
    if (sql.isEmpty()) {
      return channels;
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql.get())) {
      ResultSetMetaData meta = rows.getMetaData();
      while (rows.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String value = rows.getString(i);
          if (value != null) {
            row.put(meta.getColumnLabel(i), value);
          }
        }
        channels.add(ReplicaChannel.fromRow(row));
      }
    }
    return channels;
  }
}
