package io.ferry.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Waits until every replica has applied everything its sources, direct or through other servers,
 * had written when the wait began.
 *
 * <p>It compares binary-log GTID positions ({@code @@gtid_binlog_pos}) per domain: with {@code
 * log_slave_updates} a replica logs what it applies, so its binary log reaching a source's position
 * means it has applied it. A transaction written directly on a replica (by a user allowed past
 * {@code read_only}) stays in its own domain and is not waited for.
 */
final class ReplicationCatchUp {

  private ReplicationCatchUp() {}

  /**
   * Blocks until caught up.
   *
   * @throws IllegalStateException after {@code timeout}, listing each replica that lags with the
   *     position it should reach, the one it has, and its replication status
   */
  static void await(List<ReplicationLink> links, Duration timeout) {
    await(links, timeout, () -> false);
  }

  /**
   * Blocks until caught up, or until {@code hopeless} holds (checked while not caught up), which
   * fails at once instead of waiting out the timeout.
   *
   * @throws IllegalStateException after {@code timeout} or once hopeless, listing each replica that
   *     lags with the position it should reach, the one it has, and its replication status
   */
  static void await(List<ReplicationLink> links, Duration timeout, Poll.Condition hopeless) {
    Map<LocalMariaDb, GtidPosition> targets = targets(links);
    boolean[] gaveUp = {false};
    boolean caughtUp =
        Poll.until(
            timeout,
            () -> {
              for (Map.Entry<LocalMariaDb, GtidPosition> target : targets.entrySet()) {
                if (!binlogPosition(target.getKey()).reached(target.getValue())) {
                  gaveUp[0] = hopeless.holds();
                  return gaveUp[0];
                }
              }
              return true;
            });
    if (!caughtUp || gaveUp[0]) {
      throw new IllegalStateException(
          (gaveUp[0]
                  ? "replication stopped with an error"
                  : "replication did not catch up within " + timeout)
              + ":\n"
              + lagReport(links, targets));
    }
  }

  private static Map<LocalMariaDb, GtidPosition> targets(List<ReplicationLink> links) {
    Map<LocalMariaDb, GtidPosition> snapshot = new LinkedHashMap<>();
    for (ReplicationLink link : links) {
      snapshot.computeIfAbsent(link.source(), ReplicationCatchUp::binlogPositionOrFail);
      snapshot.computeIfAbsent(link.replica(), ReplicationCatchUp::binlogPositionOrFail);
    }
    Map<LocalMariaDb, GtidPosition> targets = new LinkedHashMap<>();
    for (ReplicationLink link : links) {
      GtidPosition target = GtidPosition.EMPTY;
      for (LocalMariaDb upstream : upstreamOf(link.replica(), links)) {
        target = target.union(snapshot.get(upstream));
      }
      targets.merge(link.replica(), target, GtidPosition::union);
    }
    return targets;
  }

  /** Every server whose writes reach {@code replica}, through any chain of links. */
  private static Set<LocalMariaDb> upstreamOf(LocalMariaDb replica, List<ReplicationLink> links) {
    Set<LocalMariaDb> upstream = new HashSet<>();
    Deque<LocalMariaDb> toVisit = new ArrayDeque<>(List.of(replica));
    while (!toVisit.isEmpty()) {
      LocalMariaDb server = toVisit.pop();
      for (ReplicationLink link : links) {
        if (link.replica() == server && upstream.add(link.source())) {
          toVisit.push(link.source());
        }
      }
    }
    upstream.remove(replica);
    return upstream;
  }

  private static String lagReport(
      List<ReplicationLink> links, Map<LocalMariaDb, GtidPosition> targets) {
    return links.stream()
        .filter(link -> !reachedQuietly(link.replica(), targets.get(link.replica())))
        .map(
            link -> {
              String has;
              try {
                has = binlogPosition(link.replica()).toString();
              } catch (SQLException e) {
                has = "unreadable (" + e.getMessage() + ")";
              }
              return "  "
                  + link.describeStatus()
                  + "\n    expected "
                  + targets.get(link.replica())
                  + ", has "
                  + has;
            })
        .collect(Collectors.joining("\n"));
  }

  private static boolean reachedQuietly(LocalMariaDb replica, GtidPosition target) {
    try {
      return binlogPosition(replica).reached(target);
    } catch (SQLException e) {
      return false;
    }
  }

  private static GtidPosition binlogPositionOrFail(LocalMariaDb server) {
    try {
      return binlogPosition(server);
    } catch (SQLException e) {
      throw new IllegalStateException(
          server.name() + ": cannot read @@gtid_binlog_pos: " + e.getMessage(), e);
    }
  }

  private static GtidPosition binlogPosition(LocalMariaDb server) throws SQLException {
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT @@gtid_binlog_pos")) {
      row.next();
      return GtidPosition.parse(row.getString(1));
    }
  }
}
