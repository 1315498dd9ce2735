package io.ferry.agent.input.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The one JDBC connection (MySQL Connector/J) of a {@link MySqlInput}: opened on first use, checked
 * with a ping before each collection, and opened again after it broke. The server's flavor and
 * version are detected once per connection. Every call blocks; the agent runs them on a worker
 * pool.
 */
final class ServerConnection implements AutoCloseable {

  private final MySqlInputConfig config;
  private Connection connection;
  private ServerInfo server;

  ServerConnection(MySqlInputConfig config) {
    this.config = config;
  }

  /**
   * Makes sure a working connection is open and returns what the server is.
   *
   * @throws SQLException when the server cannot be reached or rejects the login
   * @throws UnexpectedValueException when the server's version cannot be read
   */
  ServerInfo open() throws SQLException {
    if (connection != null && connection.isValid(seconds(config.queryTimeout()))) {
      return server;
    }
    close();
    Connection fresh = DriverManager.getConnection(url(), properties());
    try {
      server = ServerInfoQuery.parse(query(fresh, ServerInfoQuery.STATEMENT));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(fresh);
      throw e;
    }
    connection = fresh;
    return server;
  }

  /** Runs one statement on the open connection, cancelled after the configured query timeout. */
  List<Row> query(String sql) throws SQLException {
    if (connection == null) {
      throw new SQLException("not connected", "08003");
    }
    return query(connection, sql);
  }

  /**
   * Runs one data-changing statement with {@code ?} parameters (a {@code null} parameter is SQL
   * {@code NULL}) on the open connection, cancelled after the configured query timeout.
   */
  void update(String sql, List<Object> parameters) throws SQLException {
    if (connection == null) {
      throw new SQLException("not connected", "08003");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(seconds(config.queryTimeout()));
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value == null) {
          statement.setNull(i + 1, Types.NULL);
        } else {
          statement.setObject(i + 1, value);
        }
      }
      statement.executeUpdate();
    }
  }

  /** Whether the connection is gone (as opposed to one statement having failed on it). */
  boolean isBroken() {
    try {
      return connection == null || !connection.isValid(seconds(config.queryTimeout()));
    } catch (SQLException e) {
      return true;
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
      server = null;
    }
  }

  private List<Row> query(Connection on, String sql) throws SQLException {
    try (Statement statement = on.createStatement()) {
      statement.setQueryTimeout(seconds(config.queryTimeout()));
      try (ResultSet results = statement.executeQuery(sql)) {
        var meta = results.getMetaData();
        var columns = new ArrayList<String>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(meta.getColumnLabel(i));
        }
        var rows = new ArrayList<Row>();
        while (results.next()) {
          var values = new ArrayList<String>(columns.size());
          for (int i = 1; i <= columns.size(); i++) {
            values.add(results.getString(i));
          }
          rows.add(Row.of(columns, values));
        }
        return rows;
      }
    }
  }

  private String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "jdbc:mysql://" + host + ":" + config.port() + "/";
  }

  private Properties properties() {
    var properties = new Properties();
    properties.setProperty("user", config.user());
    properties.setProperty("password", config.password());
    properties.setProperty("connectTimeout", Long.toString(config.connectTimeout().toMillis()));
    // The query timeout cancels a slow statement with KILL QUERY over a second connection; the
    // socket timeout is the backstop for a server that stops answering altogether.
    Duration socketTimeout = config.queryTimeout().plus(config.connectTimeout());
    properties.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
    properties.setProperty("connectionAttributes", "program_name:ferry-agent");
    return properties;
  }

  private static int seconds(Duration timeout) {
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  private static void closeQuietly(Connection toClose) {
    try {
      toClose.close();
    } catch (SQLException ignored) {
      // The connection is being dropped anyway; there is nothing left to release.
    }
  }
}
