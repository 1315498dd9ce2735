package io.ferry.cutover.data;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One chunk's checksum queries, running on both sides. Started before the previous chunk is
 * collected, so neither server waits for the comparison between chunks; how the two sides' queries
 * are timed against each other is a {@link Start}.
 */
final class ChunkInFlight {

  /**
   * One side's checksum and how long its query ran.
   *
   * @param checksum the side's checksum
   * @param nanos the query's time, not counting queueing or waiting for replication
   * @param position the GTID position the side had executed when it read (see {@link
   *     GtidAlignment}); empty when the read was not aligned
   */
  record Timed(ChunkChecksum checksum, long nanos, String position) {

    /** Runs the checksum query and times it. */
    static Timed of(ChunkQueries queries, TableShape shape, ChunkRange range) throws SQLException {
      long started = System.nanoTime();
      ChunkChecksum checksum = queries.checksum(shape, range);
      return new Timed(checksum, System.nanoTime() - started, "");
    }

    /** The same checksum, read at the given position. */
    Timed at(String gtidPosition) {
      return new Timed(checksum, nanos, gtidPosition);
    }
  }

  private final ChunkRange range;
  private final Future<Timed> oldSide;
  private final Future<Timed> newSide;

  /**
   * @param oldSide the first side's checksum (the old primary, or a replica's primary)
   * @param newSide the second side's checksum (the new primary, or the replica)
   */
  ChunkInFlight(ChunkRange range, Future<Timed> oldSide, Future<Timed> newSide) {
    this.range = range;
    this.oldSide = oldSide;
    this.newSide = newSide;
  }

  /** When each side begins a chunk's checksum query. */
  enum Start {

    /**
     * Each side as soon as its previous query has finished: one side can run up to a chunk ahead of
     * the other, so a write that reaches the chunk's rows in between is seen by one side only.
     */
    EACH_WHEN_FREE,

    /**
     * Both sides at the same moment: the side that is free first waits for the other. The two
     * snapshots are then apart by the replication delay only, so a write in flight makes a chunk
     * differ (and be read again) far less often.
     */
    TOGETHER
  }

  /**
   * Queues the range's checksum on each side's worker (one thread per side, so each side's
   * connection runs one query at a time, in order). Every caller submits to both workers in the
   * same order, so with {@link Start#TOGETHER} the two queries of a chunk always meet: neither
   * worker can be held by a query of another chunk waiting for its partner.
   */
  static ChunkInFlight start(
      ExecutorService oldWorker,
      ChunkQueries oldQueries,
      ExecutorService newWorker,
      ChunkQueries newQueries,
      TableShape shape,
      ChunkRange range,
      Start start) {
    CountDownLatch bothReady = new CountDownLatch(start == Start.TOGETHER ? 2 : 0);
    return new ChunkInFlight(
        range,
        oldWorker.submit(
            () -> {
              ready(bothReady);
              return Timed.of(oldQueries, shape, range);
            }),
        newWorker.submit(
            () -> {
              ready(bothReady);
              return Timed.of(newQueries, shape, range);
            }));
  }

  /**
   * Says this side is ready and waits for the other (at once when there is nothing to wait for).
   */
  private static void ready(CountDownLatch bothReady) throws InterruptedException {
    bothReady.countDown();
    bothReady.await();
  }

  ChunkRange range() {
    return range;
  }

  /** Waits for both sides' checksums. */
  ChecksumPair await() throws SQLException, InterruptedException, ComparisonStoppedException {
    return new ChecksumPair(result(oldSide).checksum(), result(newSide).checksum());
  }

  /**
   * How long the slower side's query ran, not counting the time it was queued behind the previous
   * chunk. Waits for both sides.
   */
  Duration queryTime() throws SQLException, InterruptedException, ComparisonStoppedException {
    return Duration.ofNanos(Math.max(result(oldSide).nanos(), result(newSide).nanos()));
  }

  /**
   * A side's result; its SQL error or the reason it stopped as is, anything else wrapped with what
   * failed.
   */
  static <T> T result(Future<T> future)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof ComparisonStoppedException stopped) {
        throw stopped;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("chunk query failed: " + e.getCause(), e.getCause());
    }
  }
}
