package io.ferry.cutover.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

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

  /** Each follower connection's {@code server_id}, read once. */
  private final Map<Connection, Long> serverIds = new IdentityHashMap<>();

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
    return awaitPosition(follower, executedPosition(leader, mariaDb), mariaDb, timeout);
  }

  /**
   * What a server has executed now, in its notation: {@code @@GLOBAL.gtid_binlog_pos} on MariaDB,
   * {@code @@GLOBAL.gtid_executed} on MySQL. Read right after {@code START TRANSACTION WITH
   * CONSISTENT SNAPSHOT} it covers every transaction the snapshot sees: a transaction is in the
   * binary log before its commit becomes visible.
   */
  public static String executedPosition(Connection leader, boolean mariaDb) throws SQLException {
    return single(leader, executedPositionQuery(mariaDb));
  }

  /** The statement {@link #executedPosition} runs. */
  public static String executedPositionQuery(boolean mariaDb) {
    return mariaDb ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed";
  }

  /** The statement that waits for a position on a follower, with the position and seconds bound. */
  public static String waitQuery(boolean mariaDb) {
    return mariaDb ? "SELECT MASTER_GTID_WAIT(?, ?)" : "SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)";
  }

  /**
   * Waits for {@code follower} to apply a position another server reported (see {@link
   * #executedPosition}).
   *
   * <p>On MariaDB the wait watches the follower's {@code gtid_slave_pos}, which only holds what it
   * received by replication, so domains whose latest transaction the follower wrote itself are left
   * out of the position (they are in its binary log already, and waiting for them would never end).
   *
   * @param leaderPosition the position, as {@link #executedPosition} returned it
   * @param mariaDb whether both servers are MariaDB
   * @param timeout longest wait, rounded up to whole seconds
   * @throws SQLException when the server errors, or MariaDB answers NULL (replication not set up)
   */
  public Outcome awaitPosition(
      Connection follower, String leaderPosition, boolean mariaDb, Duration timeout)
      throws SQLException {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    String position =
        mariaDb ? waitablePosition(leaderPosition, serverId(follower)) : leaderPosition;
    Long answer = waitFunction(follower, waitQuery(mariaDb), position, seconds);
    return new Outcome(answer == 0, position);
  }

  private Long serverId(Connection follower) throws SQLException {
    synchronized (serverIds) {
      Long id = serverIds.get(follower);
      if (id == null) {
        id = Long.parseLong(single(follower, "SELECT @@server_id"));
        serverIds.put(follower, id);
      }
      return id;
    }
  }

  /**
   * A MariaDB position without the domains whose latest transaction the follower (by its {@code
   * server_id}) wrote itself, latest GTID per domain.
   */
  static String waitablePosition(String leaderPosition, long followerServerId) {
    return MariaDbGtid.render(
        MariaDbGtid.latestPerDomain(MariaDbGtid.parseList(leaderPosition)).values().stream()
            .filter(gtid -> gtid.serverId() != followerServerId)
            .toList());
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
