package io.ferry.cutover.data;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.check.GtidCatchUp;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a replica and its primary at the same point of the replication stream, so that a replica
 * that lags is not taken for one that diverged: the primary reads inside a consistent snapshot and
 * notes the GTID position it had executed when the snapshot began; the replica waits until it has
 * applied that position ({@code MASTER_GTID_WAIT} on MariaDB, {@code WAIT_FOR_EXECUTED_GTID_SET} on
 * MySQL) and then reads inside a consistent snapshot of its own.
 *
 * <p>The replica's snapshot is at or after the primary's: it may hold a few transactions more that
 * it applied between the wait and the snapshot. A range that differs is therefore read again
 * (aligned anew) before it is reported as drift.
 *
 * <p>The position is read with {@code SELECT @@GLOBAL.gtid_binlog_pos} (MySQL: {@code
 * gtid_executed}) right after {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}: every transaction
 * the snapshot sees is in the binary log already, so the position covers it. MariaDB's exact
 * snapshot position ({@code binlog_snapshot_file}/{@code _position} converted with {@code
 * BINLOG_GTID_POS}) is not used: that function reads the binary log from its start up to the
 * offset, for every chunk.
 *
 * <p>Once the replica misses the wait, every later read on it fails at once with the same reason
 * (see {@link #behind()}), so that a stopped replica costs one timeout, not one per chunk.
 */
final class GtidAlignment {

  /** Opens the snapshot each aligned read runs in; read-only, so it can never write. */
  static final String START_SNAPSHOT = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";

  /** One read on a connection. */
  @FunctionalInterface
  interface Read<T> {
    T read() throws SQLException;
  }

  /**
   * A value the primary read, with the position the replica must apply before reading the same.
   *
   * @param value what the primary read
   * @param position the GTID position the primary had executed when its snapshot began
   */
  record Positioned<T>(T value, String position) {}

  private final Connection primary;
  private final Connection replica;
  private final String primaryName;
  private final String replicaName;
  private final boolean mariaDb;
  private final Duration timeout;
  private final GtidCatchUp catchUp = new GtidCatchUp();
  private final AtomicReference<String> behind = new AtomicReference<>();

  /**
   * @param primary the primary's connection for aligned reads (isolation set to REPEATABLE READ)
   * @param replica the replica's connection for aligned reads (likewise)
   * @param mariaDb whether both are MariaDB (else MySQL)
   * @param timeout longest wait for the replica to apply one position
   */
  GtidAlignment(
      Connection primary,
      String primaryName,
      Connection replica,
      String replicaName,
      boolean mariaDb,
      Duration timeout)
      throws SQLException {
    this.primary = primary;
    this.replica = replica;
    this.primaryName = primaryName;
    this.replicaName = replicaName;
    this.mariaDb = mariaDb;
    this.timeout = timeout;
    // a consistent snapshot holds across statements only at REPEATABLE READ
    primary.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    replica.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
  }

  /** Reads on the primary inside a consistent snapshot, with the position it stands at. */
  <T> Positioned<T> onPrimary(Read<T> read) throws SQLException {
    return inSnapshot(
        primary,
        () -> {
          String position = GtidCatchUp.executedPosition(primary, mariaDb);
          return new Positioned<>(read.read(), position);
        });
  }

  /**
   * Waits until the replica applied {@code position}, then reads on it inside a consistent
   * snapshot.
   *
   * @throws ComparisonStoppedException naming the replica, the position and the wait when it did
   *     not catch up in time (now or on an earlier read)
   */
  <T> T onReplica(String position, Read<T> read) throws SQLException, ComparisonStoppedException {
    String earlier = behind.get();
    if (earlier != null) {
      throw new ComparisonStoppedException(earlier);
    }
    GtidCatchUp.Outcome outcome = catchUp.awaitPosition(replica, position, mariaDb, timeout);
    if (!outcome.reached()) {
      String reason =
          replicaName
              + " did not apply "
              + primaryName
              + "'s GTID position '"
              + outcome.position()
              + "' within "
              + ComparisonOptions.text(timeout)
              + " (gtid-wait-timeout): is its SQL thread running?";
      behind.compareAndSet(null, reason);
      throw new ComparisonStoppedException(behind.get());
    }
    return inSnapshot(replica, read);
  }

  /** Why the replica could not be read, once a wait for it timed out. */
  Optional<String> behind() {
    return Optional.ofNullable(behind.get());
  }

  /** Runs {@code read} inside a read-only consistent snapshot, ended (committed) after it. */
  static <T> T inSnapshot(Connection connection, Read<T> read) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(START_SNAPSHOT);
      boolean ended = false;
      try {
        T value = read.read();
        statement.execute("COMMIT");
        ended = true;
        return value;
      } finally {
        if (!ended) {
          rollBack(statement);
        }
      }
    }
  }

  private static void rollBack(Statement statement) {
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // the read failed already, and its error is the one to report; a broken connection is closed
      // with the comparison
    }
  }
}
