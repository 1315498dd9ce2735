package io.ferry.cutover.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link TrafficSample} from a primary. */
final class TrafficSampler {

  private static final String SESSIONS =
      "SELECT USER, HOST, DB, COMMAND FROM information_schema.PROCESSLIST"
          + " WHERE ID <> CONNECTION_ID() AND USER <> 'system user'"
          + " AND COMMAND NOT IN ('Binlog Dump', 'Binlog Dump GTID', 'Daemon', 'Slave_IO',"
          + " 'Slave_SQL', 'Slave_worker', 'Connect')"
          + " ORDER BY USER, HOST";

  TrafficSample read(Connection connection, boolean mariaDb) throws SQLException {
    long questions =
        Long.parseLong(GtidCatchUp.single(connection, "SHOW GLOBAL STATUS LIKE 'Questions'", 2));
    long ownWrites = mariaDb ? ownMariaDbWrites(connection) : ownMySqlWrites(connection);
    List<String> sessions = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(SESSIONS)) {
      while (rows.next()) {
        sessions.add(
            rows.getString(1)
                + "@"
                + rows.getString(2)
                + " db="
                + rows.getString(3)
                + " "
                + rows.getString(4));
      }
    }
    return new TrafficSample(questions, ownWrites, sessions);
  }

  private static long ownMariaDbWrites(Connection connection) throws SQLException {
    long serverId = Long.parseLong(GtidCatchUp.single(connection, "SELECT @@server_id"));
    String state = GtidCatchUp.single(connection, "SELECT @@GLOBAL.gtid_binlog_state");
    return MariaDbGtid.parseList(state).stream()
        .filter(gtid -> gtid.serverId() == serverId)
        .mapToLong(MariaDbGtid::sequence)
        .max()
        .orElse(0);
  }

  private static long ownMySqlWrites(Connection connection) throws SQLException {
    String uuid = GtidCatchUp.single(connection, "SELECT @@server_uuid");
    String executed = GtidCatchUp.single(connection, "SELECT @@GLOBAL.gtid_executed");
    return MySqlGtidSet.lastTransaction(executed, uuid);
  }
}
