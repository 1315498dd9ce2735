package io.ferry.cutover.data;

import io.ferry.cutover.check.GtidCatchUp;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * The two primaries, queried in parallel, each chunk's checksum started on both at the same moment
 * (see {@link ChunkInFlight.Start#TOGETHER}), and brought to the same point in the replication
 * stream before a re-check. Chunks go in turn to one or more {@link Lane lanes}; each lane is a
 * connection to each primary with one worker thread each, so each connection runs one query at a
 * time, and with two lanes each primary runs two chunks at once.
 */
final class BothSides implements ComparedSides {

  /** A connection to each primary and the one thread that runs each connection's statements. */
  private record Lane(
      ChunkQueries oldSide,
      ChunkQueries newSide,
      ExecutorService oldWorker,
      ExecutorService newWorker) {}

  private final List<Lane> lanes;

  /** The first lane, which also serves row reads, last keys and catching up. */
  private final Lane first;

  private final ChunkQueries planning;
  private final boolean mariaDb;
  private final Duration catchUpTimeout;
  private final GtidCatchUp catchUp = new GtidCatchUp();
  private final ChunkInFlight.Start chunkStart;
  private int nextLane;

  /**
   * @param oldSides the old primary, for the checksums: one connection per lane; the first also
   *     serves row reads, last keys and catching up
   * @param newSides the new primary, for the checksums, as many as {@code oldSides}
   * @param planning the old primary on a connection of its own, so chunk boundaries can be found
   *     while the previous chunk is being hashed
   * @param chunkStart when each side begins a chunk: {@link ChunkInFlight.Start#TOGETHER} for
   *     comparisons; the other only to measure what starting together saves
   */
  BothSides(
      List<ChunkQueries> oldSides,
      List<ChunkQueries> newSides,
      ChunkQueries planning,
      boolean mariaDb,
      Duration catchUpTimeout,
      ChunkInFlight.Start chunkStart) {
    if (oldSides.isEmpty() || oldSides.size() != newSides.size()) {
      throw new IllegalArgumentException(
          "one connection to each primary per lane, was "
              + oldSides.size()
              + " and "
              + newSides.size());
    }
    List<Lane> all = new ArrayList<>();
    for (int lane = 0; lane < oldSides.size(); lane++) {
      String suffix = lane == 0 ? "" : "-" + (lane + 1);
      all.add(
          new Lane(
              oldSides.get(lane),
              newSides.get(lane),
              ComparedSides.sideWorker("ferry-compare-old" + suffix),
              ComparedSides.sideWorker("ferry-compare-new" + suffix)));
    }
    this.lanes = List.copyOf(all);
    this.first = lanes.get(0);
    this.planning = planning;
    this.mariaDb = mariaDb;
    this.catchUpTimeout = catchUpTimeout;
    this.chunkStart = chunkStart;
  }

  /**
   * One more chunk than there are lanes: a chunk running on every lane and one queued behind, so a
   * lane finishing its chunk finds the next one waiting rather than waiting for the comparison.
   */
  @Override
  public int chunksInFlight() {
    return lanes.size() + 1;
  }

  @Override
  public SideNames names() {
    return SideNames.CLUSTERS;
  }

  @Override
  public ChunkQueries planning() {
    return planning;
  }

  /** Starts the chunk on the next lane in turn. */
  @Override
  public ChunkInFlight start(TableShape shape, ChunkRange range) {
    Lane lane = lanes.get(nextLane);
    nextLane = (nextLane + 1) % lanes.size();
    return ChunkInFlight.start(
        lane.oldWorker(),
        lane.oldSide(),
        lane.newWorker(),
        lane.newSide(),
        shape,
        range,
        chunkStart);
  }

  @Override
  public Optional<List<String>> lastKey(TableShape shape)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    List<Optional<List<String>>> last =
        inParallel(
            () -> first.oldSide().lastKey(shape), () -> first.newSide().lastKey(shape), List::of);
    return ComparedSides.laterKey(planning, shape, last.get(0), last.get(1));
  }

  @Override
  public List<Map<List<String>, String>> rowDigests(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return inParallel(
        () -> first.oldSide().rowDigests(shape, range),
        () -> first.newSide().rowDigests(shape, range),
        List::of);
  }

  @Override
  public List<Map<List<String>, List<String>>> rows(TableShape shape, List<List<String>> keys)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return inParallel(
        () -> first.oldSide().rows(shape, keys), () -> first.newSide().rows(shape, keys), List::of);
  }

  /**
   * Waits until each side has applied what the other had executed: master/master replicates both
   * ways, so a difference seen while writes flow may just be in flight.
   */
  @Override
  public void catchUp() throws SQLException, ComparisonStoppedException {
    GtidCatchUp.Outcome forward =
        catchUp.await(
            first.oldSide().connection(), first.newSide().connection(), mariaDb, catchUpTimeout);
    if (!forward.reached()) {
      throw new ComparisonStoppedException(
          "the new primary did not apply the old primary's position '"
              + forward.position()
              + "' within "
              + catchUpTimeout.toSeconds()
              + " s");
    }
    GtidCatchUp.Outcome back =
        catchUp.await(
            first.newSide().connection(), first.oldSide().connection(), mariaDb, catchUpTimeout);
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
    Future<T> before = first.oldWorker().submit(onOld);
    Future<T> after = first.newWorker().submit(onNew);
    return combine.apply(ChunkInFlight.result(before), ChunkInFlight.result(after));
  }

  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.oldWorker().shutdownNow();
      lane.newWorker().shutdownNow();
    }
  }
}
