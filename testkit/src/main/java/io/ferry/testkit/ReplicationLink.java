package io.ferry.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One replication channel: {@code replica} applies what {@code source} writes to its binary log,
 * positioned by GTID ({@code MASTER_USE_GTID = slave_pos}).
 *
 * @param replica the server that applies
 * @param source the server it replicates from
 */
record ReplicationLink(LocalMariaDb replica, LocalMariaDb source) {

  /**
   * Points the replica at the source and starts both replication threads.
   *
   * @throws IllegalStateException naming the replica and the statement if the server refuses it
   */
  void start(String user, String password) {
    replica.execute(
        ("CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = %d, MASTER_USER = '%s',"
                + " MASTER_PASSWORD = '%s', MASTER_USE_GTID = slave_pos,"
                + " MASTER_CONNECT_RETRY = 1")
            .formatted(source.port(), user, password),
        "START SLAVE");
  }

  /** The replica's current replication status. */
  ReplicaStatus status() throws SQLException {
    try (Connection connection = replica.connectAdmin()) {
      return ReplicaStatus.read(connection);
    }
  }

  /** The status, or the reason it could not be read, for an error message. */
  String describeStatus() {
    try {
      return this + ": " + status();
    } catch (SQLException e) {
      return this + ": status unreadable: " + e.getMessage();
    }
  }

  @Override
  public String toString() {
    return replica.name() + " <- " + source.name();
  }
}
