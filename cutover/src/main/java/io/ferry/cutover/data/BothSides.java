package io.ferry.cutover.data;

import io.ferry.cutover.check.GtidCatchUp;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The two primaries, queried in parallel (one thread each), and brought to the same point in the
 * replication stream before a re-check.
 */
final class BothSides implements AutoCloseable {

  private final ChunkQueries oldSide;
  private final ChunkQueries newSide;
  private final boolean mariaDb;
  private final Duration catchUpTimeout;
  private final GtidCatchUp catchUp = new GtidCatchUp();
  private final ExecutorService workers;

  BothSides(ChunkQueries oldSide, ChunkQueries newSide, boolean mariaDb, Duration catchUpTimeout) {
    this.oldSide = oldSide;
    this.newSide = newSide;
    this.mariaDb = mariaDb;
    this.catchUpTimeout = catchUpTimeout;
    AtomicInteger counter = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "ferry-compare-" + counter.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  ChunkQueries oldSide() {
    return oldSide;
  }

  /** Both sides' checksums of a range, computed at the same time. */
  ChecksumPair checksum(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException {
    return inParallel(
        () -> oldSide.checksum(shape, range),
        () -> newSide.checksum(shape, range),
        ChecksumPair::new);
  }

  /**
   * The greater of both sides' last keys: the end of the key range a table's comparison covers.
   * Empty when both sides are empty.
   */
  Optional<List<String>> lastKey(TableShape shape) throws SQLException, InterruptedException {
    List<Optional<List<String>>> last =
        inParallel(() -> oldSide.lastKey(shape), () -> newSide.lastKey(shape), List::of);
    Optional<List<String>> onOld = last.get(0);
    Optional<List<String>> onNew = last.get(1);
    if (onOld.isEmpty() || onNew.isEmpty()) {
      return onOld.isPresent() ? onOld : onNew;
    }
    return oldSide.greater(shape, onNew.get(), onOld.get()) ? onNew : onOld;
  }

  /** Both sides' row digests of a range. */
  List<Map<List<String>, String>> rowDigests(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException {
    return inParallel(
        () -> oldSide.rowDigests(shape, range), () -> newSide.rowDigests(shape, range), List::of);
  }

  /**
   * Waits until each side has applied what the other had executed: master/master replicates both
   * ways, so a difference seen while writes flow may just be in flight.
   */
  void catchUp() throws SQLException, ComparisonStoppedException {
    GtidCatchUp.Outcome forward =
        catchUp.await(oldSide.connection(), newSide.connection(), mariaDb, catchUpTimeout);
    if (!forward.reached()) {
      throw new ComparisonStoppedException(
          "the new primary did not apply the old primary's position '"
              + forward.position()
              + "' within "
              + catchUpTimeout.toSeconds()
              + " s");
    }
    GtidCatchUp.Outcome back =
        catchUp.await(newSide.connection(), oldSide.connection(), mariaDb, catchUpTimeout);
    if (!back.reached()) {
      throw new ComparisonStoppedException(
          "the old primary did not apply the new primary's position '"
              + back.position()
              + "' within "
              + catchUpTimeout.toSeconds()
              + " s");
    }
  }

  private <T, R> R inParallel(Callable<T> onOld, Callable<T> onNew, BiFunction<T, T, R> combine)
      throws SQLException, InterruptedException {
    Future<T> before = workers.submit(onOld);
    Future<T> after = workers.submit(onNew);
    return combine.apply(result(before), result(after));
  }

  private static <T> T result(Future<T> future) throws SQLException, InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("chunk query failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
