package io.ferry.cutover.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a pt-heartbeat table ({@code ts varchar(26)} in UTC, {@code server_id} as key) on one
 * server, the way the Ferry agent does: the age of each row is {@code TIMESTAMPDIFF(MICROSECOND,
 * ts, UTC_TIMESTAMP(6))} computed by that server, so the comparing host's clock plays no part. The
 * writer's and this server's clocks must agree (NTP), as pt-heartbeat also requires.
 */
public final class HeartbeatReader {

  private static final Pattern NAME =
      Pattern.compile("([A-Za-z0-9_$]{1,64})\\.([A-Za-z0-9_$]{1,64})");

  private final String database;
  private final String table;

  /**
   * @param qualifiedName {@code database.table}
   * @throws IllegalArgumentException when the name is not two plain identifiers joined by a dot
   */
  public HeartbeatReader(String qualifiedName) {
    var matcher = NAME.matcher(qualifiedName);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "heartbeat table '" + qualifiedName + "' is not of the form database.table");
    }
    this.database = matcher.group(1);
    this.table = matcher.group(2);
  }

  /** Whether {@code name} is a table name this reader accepts. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * The ages of the rows, or empty when the table does not exist on this server (or the account
   * cannot see it).
   */
  public Optional<HeartbeatAges> read(Connection connection) throws SQLException {
    if (!exists(connection)) {
      return Optional.empty();
    }
    Map<Long, Double> ages = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) FROM `"
                    + database
                    + "`.`"
                    + table
                    + "`")) {
      while (rows.next()) {
        long serverId = rows.getLong(1);
        long micros = rows.getLong(2);
        if (!rows.wasNull()) {
          ages.put(serverId, micros / 1e6);
        }
      }
    }
    return Optional.of(new HeartbeatAges(database + "." + table, ages));
  }

  private boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      statement.setString(1, database);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
