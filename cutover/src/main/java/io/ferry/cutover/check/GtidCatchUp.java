package io.ferry.cutover.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Waits until one server has applied every transaction another had executed when the wait began:
 * {@code MASTER_GTID_WAIT} on MariaDB, {@code WAIT_FOR_EXECUTED_GTID_SET} on MySQL.
 */
public final class GtidCatchUp {

  /**
   * The outcome of one wait.
   *
   * @param reached whether the follower reached the position within the timeout
   * @param position the leader's position that was waited for, in the server's notation
   */
  public record Outcome(boolean reached, String position) {}

  /**
   * Waits for {@code follower} to apply what {@code leader} has executed now.
   *
   * <p>On MariaDB the wait watches the follower's {@code gtid_slave_pos}, which only holds what it
   * received by replication, so domains whose latest transaction the follower wrote itself are left
   * out of the position (they are in its binary log already, and waiting for them would never end).
   *
   * @param mariaDb whether both servers are MariaDB
   * @param timeout longest wait, rounded up to whole seconds
   * @throws SQLException when a server errors, or MariaDB answers NULL (replication not set up)
   */
  public Outcome await(Connection leader, Connection follower, boolean mariaDb, Duration timeout)
      throws SQLException {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    if (mariaDb) {
      long followerServerId = Long.parseLong(single(follower, "SELECT @@server_id"));
      List<MariaDbGtid> position =
          MariaDbGtid.latestPerDomain(
                  MariaDbGtid.parseList(single(leader, "SELECT @@gtid_binlog_pos")))
              .values()
              .stream()
              .filter(gtid -> gtid.serverId() != followerServerId)
              .toList();
      String rendered = MariaDbGtid.render(position);
      Long answer = waitFunction(follower, "SELECT MASTER_GTID_WAIT(?, ?)", rendered, seconds);
      return new Outcome(answer == 0, rendered);
    }
    String executed = single(leader, "SELECT @@GLOBAL.gtid_executed");
    Long answer =
        waitFunction(follower, "SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)", executed, seconds);
    return new Outcome(answer == 0, executed);
  }

  private static Long waitFunction(Connection follower, String sql, String position, long seconds)
      throws SQLException {
    try (PreparedStatement statement = follower.prepareStatement(sql)) {
      statement.setString(1, position);
      statement.setLong(2, seconds);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        long value = rows.getLong(1);
        if (rows.wasNull()) {
          throw new SQLException(
              "the server answered NULL to " + sql + " for position '" + position + "'");
        }
        return value;
      }
    }
  }

  static String single(Connection connection, String sql) throws SQLException {
    return single(connection, sql, 1);
  }

  /** One column of the first row, {@code ""} for NULL. */
  static String single(Connection connection, String sql, int column) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      if (!rows.next()) {
        throw new SQLException("no row from " + sql);
      }
      String value = rows.getString(column);
      return value == null ? "" : value;
    }
  }
}
