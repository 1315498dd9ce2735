package io.ferry.cutover.data;

import io.ferry.mysqlfacts.ServerDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Asks a server which flavor and version it is. */
public final class ServerDialects {

  private ServerDialects() {}

  /** The server's {@code @@version}, parsed. */
  public static ServerDialect of(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT @@version")) {
      if (!rows.next()) {
        throw new SQLException("SELECT @@version returned no row");
      }
      try {
        return ServerDialect.parse(rows.getString(1));
      } catch (IllegalArgumentException e) {
        throw new SQLException(e.getMessage(), e);
      }
    }
  }
}
