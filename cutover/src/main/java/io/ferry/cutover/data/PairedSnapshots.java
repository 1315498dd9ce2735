package io.ferry.cutover.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Makes both primaries read each chunk as of the same moment while each still runs its checksums at
 * its own pace. Each side has two connections, which chunks use in turn. When a chunk is started, a
 * consistent snapshot ({@link GtidAlignment#START_SNAPSHOT}) is opened on its connection on both
 * sides at once (this thread on one side, a helper thread on the other); the side's worker later
 * runs the checksum inside that snapshot, after the previous chunk, and commits.
 *
 * <p>Why: a chunk differs without drift when a write reaches its rows between the two sides' reads.
 * With one connection per side, each side began a chunk whenever it was free, so one side could
 * read up to a chunk's time later than the other, and that lead was the window. Now the window is
 * the replication delay between the primaries, and a side that is ahead still goes on with the next
 * chunk instead of waiting for the other (which a plain "start together" would make it do).
 *
 * <p>At most two chunks are in flight (the comparator starts the next chunk before it collects the
 * current one), so a connection is free again when its turn comes; a start still waits for the
 * previous chunk on the same connections to finish, so that a snapshot is never opened under a
 * running statement.
 */
final class PairedSnapshots implements AutoCloseable {

  private final List<ChunkQueries> oldSide;
  private final List<ChunkQueries> newSide;
  private final ExecutorService opener = ComparedSides.sideWorker("ferry-compare-snapshot");
  private final List<Future<?>>[] inUse;
  private int turn;

  /**
   * @param oldSide the old primary's two connections for checksums
   * @param newSide the new primary's two connections for checksums
   */
  @SuppressWarnings("unchecked")
  PairedSnapshots(List<ChunkQueries> oldSide, List<ChunkQueries> newSide) throws SQLException {
    if (oldSide.size() != 2 || newSide.size() != 2) {
      throw new IllegalArgumentException("two connections per side, not " + oldSide.size());
    }
    this.oldSide = List.copyOf(oldSide);
    this.newSide = List.copyOf(newSide);
    this.inUse = new List[] {List.of(), List.of()};
    for (ChunkQueries queries : this.oldSide) {
      repeatableRead(queries.connection());
    }
    for (ChunkQueries queries : this.newSide) {
      repeatableRead(queries.connection());
    }
  }

  /**
   * Opens both sides' snapshots for a range now and queues the checksums on each side's worker.
   * When a snapshot cannot be opened, the chunk fails with that error when awaited.
   */
  ChunkInFlight start(
      ExecutorService oldWorker, ExecutorService newWorker, TableShape shape, ChunkRange range) {
    int slot = turn;
    turn = 1 - turn;
    ChunkQueries onOld = oldSide.get(slot);
    ChunkQueries onNew = newSide.get(slot);
    awaitAll(inUse[slot]);
    try {
      openBoth(onOld.connection(), onNew.connection());
    } catch (SQLException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      inUse[slot] = List.of();
      return new ChunkInFlight(
          range, CompletableFuture.failedFuture(e), CompletableFuture.failedFuture(e));
    }
    Future<ChunkInFlight.Timed> old = oldWorker.submit(() -> readAndCommit(onOld, shape, range));
    Future<ChunkInFlight.Timed> fresh = newWorker.submit(() -> readAndCommit(onNew, shape, range));
    inUse[slot] = List.of(old, fresh);
    return new ChunkInFlight(range, old, fresh);
  }

  /** Waits until no checksum runs on any of the connections (before they are used otherwise). */
  void awaitIdle() {
    awaitAll(inUse[0]);
    awaitAll(inUse[1]);
  }

  /** The first connection of each side, for what is not a chunk's checksum. */
  ChunkQueries firstOld() {
    return oldSide.get(0);
  }

  /** See {@link #firstOld()}. */
  ChunkQueries firstNew() {
    return newSide.get(0);
  }

  private void openBoth(Connection old, Connection fresh)
      throws SQLException, InterruptedException {
    Future<Void> openedOld =
        opener.submit(
            () -> {
              open(old);
              return null;
            });
    SQLException failed = null;
    try {
      open(fresh);
    } catch (SQLException e) {
      failed = e;
    }
    try {
      openedOld.get();
    } catch (ExecutionException e) {
      if (failed == null) {
        failed =
            e.getCause() instanceof SQLException sql
                ? sql
                : new SQLException("cannot open a snapshot: " + e.getCause(), e.getCause());
      }
    }
    if (failed != null) {
      end(old, "ROLLBACK");
      end(fresh, "ROLLBACK");
      throw failed;
    }
  }

  private static void open(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(GtidAlignment.START_SNAPSHOT);
    }
  }

  /** The checksum inside the snapshot opened for it; the snapshot ends either way. */
  private static ChunkInFlight.Timed readAndCommit(
      ChunkQueries queries, TableShape shape, ChunkRange range) throws SQLException {
    boolean ended = false;
    try {
      ChunkInFlight.Timed timed = ChunkInFlight.Timed.of(queries, shape, range);
      try (Statement statement = queries.connection().createStatement()) {
        statement.execute("COMMIT");
      }
      ended = true;
      return timed;
    } finally {
      if (!ended) {
        end(queries.connection(), "ROLLBACK");
      }
    }
  }

  private static void end(Connection connection, String how) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(how);
    } catch (SQLException e) {
      // the read failed already, and its error is the one to report; a broken connection is closed
      // with the comparison
    }
  }

  /** Waits for each task; its outcome was or will be seen by whoever awaits its chunk. */
  private static void awaitAll(List<Future<?>> tasks) {
    for (Future<?> task : tasks) {
      try {
        task.get();
      } catch (ExecutionException e) {
        // reported to whoever awaits the chunk
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void repeatableRead(Connection connection) throws SQLException {
    // a consistent snapshot holds across statements only at REPEATABLE READ
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
  }

  @Override
  public void close() {
    opener.shutdownNow();
  }
}
