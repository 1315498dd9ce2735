package io.ferry.cutover;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Opens JDBC connections to the nodes with the comparison's timeouts: shared ones (one per node,
 * for the checks) and private ones (for the data comparison's parallel workers). Closing it closes
 * every connection it opened.
 */
public final class NodeConnections implements AutoCloseable {

  private final Duration connectTimeout;
  private final Duration socketTimeout;
  private final Map<String, Connection> shared = new LinkedHashMap<>();
  private final List<Connection> opened = new ArrayList<>();

  /**
   * @param connectTimeout how long to wait for a server to accept a connection
   * @param socketTimeout how long one statement may wait for an answer before the connection is
   *     given up
   */
  public NodeConnections(Duration connectTimeout, Duration socketTimeout) {
    this.connectTimeout = connectTimeout;
    this.socketTimeout = socketTimeout;
  }

  /** The node's shared connection, opened on first use. */
  public synchronized Connection shared(Node node) throws SQLException {
    Connection connection = shared.get(node.name());
    if (connection == null || connection.isClosed()) {
      connection = open(node);
      shared.put(node.name(), connection);
    }
    return connection;
  }

  /**
   * A new connection only the caller uses (closed with this object).
   *
   * @throws SQLException naming the node when it cannot be reached
   */
  public synchronized Connection open(Node node) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", node.user());
    properties.setProperty("password", node.password());
    properties.setProperty("connectTimeout", Long.toString(connectTimeout.toMillis()));
    properties.setProperty("socketTimeout", Long.toString(socketTimeout.toMillis()));
    try {
      TlsDriverProperties.of(node.tls()).forEach(properties::setProperty);
    } catch (IllegalArgumentException e) {
      throw new SQLException("cannot connect to " + node.describe() + ": " + e.getMessage(), e);
    }
    try {
      Connection connection = DriverManager.getConnection(node.jdbcUrl(), properties);
      opened.add(connection);
      return connection;
    } catch (SQLException e) {
      throw new SQLException(
          "cannot connect to " + node.describe() + ": " + reason(node, e), e.getSQLState(), e);
    }
  }

  /**
   * The driver's message, or for a failed TLS handshake what it means: the driver reports that as a
   * "communications link failure" and buries the cause.
   */
  private static String reason(Node node, SQLException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof javax.net.ssl.SSLException tls) {
        String ca = node.tls().ca().map(path -> "ssl-ca " + path).orElse("the JVM's trusted CAs");
        return "TLS handshake failed ("
            + tls.getMessage()
            + "); with "
            + node.tls().effectiveMode().map(Enum::name).orElse("the default ssl-mode")
            + " the server's certificate must be signed by a CA in "
            + ca;
      }
    }
    return e.getMessage();
  }

  @Override
  public synchronized void close() {
    for (Connection connection : opened) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing is best effort: the comparison's results are already known
      }
    }
    opened.clear();
    shared.clear();
  }
}
