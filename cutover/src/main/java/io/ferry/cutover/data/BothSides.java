package io.ferry.cutover.data;

import io.ferry.cutover.check.GtidCatchUp;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * The two primaries, queried in parallel (one worker thread each, so each connection runs one query
 * at a time), each chunk's checksum started on both at the same moment (see {@link
 * ChunkInFlight.Start#TOGETHER}), and brought to the same point in the replication stream before a
 * re-check.
 */
final class BothSides implements ComparedSides {

  private final ChunkQueries oldSide;
  private final ChunkQueries newSide;
  private final ChunkQueries planning;
  private final boolean mariaDb;
  private final Duration catchUpTimeout;
  private final GtidCatchUp catchUp = new GtidCatchUp();
  private final ExecutorService oldWorker;
  private final ExecutorService newWorker;
  private final ChunkInFlight.Start chunkStart;

  /**
   * @param oldSide the old primary, for the checksums
   * @param newSide the new primary, for the checksums
   * @param planning the old primary on a connection of its own, so chunk boundaries can be found
   *     while the previous chunk is being hashed
   * @param chunkStart when each side begins a chunk: {@link ChunkInFlight.Start#TOGETHER} for
   *     comparisons; the other only to measure what starting together saves
   */
  BothSides(
      ChunkQueries oldSide,
      ChunkQueries newSide,
      ChunkQueries planning,
      boolean mariaDb,
      Duration catchUpTimeout,
      ChunkInFlight.Start chunkStart) {
    this.oldSide = oldSide;
    this.newSide = newSide;
    this.planning = planning;
    this.mariaDb = mariaDb;
    this.catchUpTimeout = catchUpTimeout;
    this.chunkStart = chunkStart;
    this.oldWorker = ComparedSides.sideWorker("ferry-compare-old");
    this.newWorker = ComparedSides.sideWorker("ferry-compare-new");
  }

  @Override
  public SideNames names() {
    return SideNames.CLUSTERS;
  }

  @Override
  public ChunkQueries planning() {
    return planning;
  }

  @Override
  public ChunkInFlight start(TableShape shape, ChunkRange range) {
    return ChunkInFlight.start(oldWorker, oldSide, newWorker, newSide, shape, range, chunkStart);
  }

  @Override
  public Optional<List<String>> lastKey(TableShape shape)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    List<Optional<List<String>>> last =
        inParallel(() -> oldSide.lastKey(shape), () -> newSide.lastKey(shape), List::of);
    return ComparedSides.laterKey(planning, shape, last.get(0), last.get(1));
  }

  @Override
  public List<Map<List<String>, String>> rowDigests(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return inParallel(
        () -> oldSide.rowDigests(shape, range), () -> newSide.rowDigests(shape, range), List::of);
  }

  @Override
  public List<Map<List<String>, List<String>>> rows(TableShape shape, List<List<String>> keys)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return inParallel(() -> oldSide.rows(shape, keys), () -> newSide.rows(shape, keys), List::of);
  }

  /**
   * Waits until each side has applied what the other had executed: master/master replicates both
   * ways, so a difference seen while writes flow may just be in flight.
   */
  @Override
  public void catchUp() throws SQLException, ComparisonStoppedException {
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
      throws SQLException, InterruptedException, ComparisonStoppedException {
    Future<T> before = oldWorker.submit(onOld);
    Future<T> after = newWorker.submit(onNew);
    return combine.apply(ChunkInFlight.result(before), ChunkInFlight.result(after));
  }

  @Override
  public void close() {
    oldWorker.shutdownNow();
    newWorker.shutdownNow();
  }
}
