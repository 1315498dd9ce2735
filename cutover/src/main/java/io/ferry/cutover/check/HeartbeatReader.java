package io.ferry.cutover.check;

import io.ferry.mysqlfacts.HeartbeatTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a pt-heartbeat table ({@code ts varchar(26)} in UTC, {@code server_id} as key) on one
 * server with the statement the Ferry agent uses ({@link HeartbeatTable#ageStatement()}): the age
 * of each row is computed by that server, so the comparing host's clock plays no part.
 */
public final class HeartbeatReader {

  private final HeartbeatTable table;

  /**
   * @param qualifiedName {@code database.table}
   * @throws IllegalArgumentException when the name is not two plain identifiers joined by a dot
   */
  public HeartbeatReader(String qualifiedName) {
    this.table =
        HeartbeatTable.parse(qualifiedName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "heartbeat table '"
                            + qualifiedName
                            + "' is not of the form database.table"));
  }

  /** Whether {@code name} is a table name this reader accepts. */
  public static boolean isValidName(String name) {
    return name != null && HeartbeatTable.parse(name).isPresent();
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
        ResultSet rows = statement.executeQuery(table.ageStatement())) {
      while (rows.next()) {
        long serverId = rows.getLong(HeartbeatTable.SERVER_ID_COLUMN);
        long micros = rows.getLong(HeartbeatTable.AGE_COLUMN);
        if (!rows.wasNull()) {
          ages.put(serverId, micros / 1e6);
        }
      }
    }
    return Optional.of(new HeartbeatAges(table.toString(), ages));
  }

  private boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
      statement.setString(1, table.database());
      statement.setString(2, table.table());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
