package io.ferry.cutover.data;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A replica and its primary, every read GTID-aligned (see {@link GtidAlignment}): the primary reads
 * first, the replica reads the same once it has applied what the primary's read saw. One worker
 * thread per side, so the primary already hashes the next chunk while the replica catches up with
 * and hashes the current one.
 */
final class PrimaryAndReplica implements ComparedSides {

  private final ChunkQueries primary;
  private final ChunkQueries replica;
  private final ChunkQueries planning;
  private final GtidAlignment alignment;
  private final ExecutorService primaryWorker;
  private final ExecutorService replicaWorker;

  /**
   * @param primary the primary, on the connection {@code alignment} reads the primary with
   * @param replica the replica, on the connection {@code alignment} reads the replica with
   * @param planning the primary on a connection of its own, for chunk boundaries
   */
  PrimaryAndReplica(
      ChunkQueries primary, ChunkQueries replica, ChunkQueries planning, GtidAlignment alignment) {
    this.primary = primary;
    this.replica = replica;
    this.planning = planning;
    this.alignment = alignment;
    this.primaryWorker = ComparedSides.sideWorker("ferry-compare-primary");
    this.replicaWorker = ComparedSides.sideWorker("ferry-compare-replica");
  }

  @Override
  public SideNames names() {
    return SideNames.PRIMARY_AND_REPLICA;
  }

  @Override
  public ChunkQueries planning() {
    return planning;
  }

  @Override
  public ChunkInFlight start(TableShape shape, ChunkRange range) {
    Future<ChunkInFlight.Timed> onPrimary =
        primaryWorker.submit(
            () -> {
              GtidAlignment.Positioned<ChunkInFlight.Timed> read =
                  alignment.onPrimary(() -> ChunkInFlight.Timed.of(primary, shape, range));
              return read.value().at(read.position());
            });
    Future<ChunkInFlight.Timed> onReplica =
        replicaWorker.submit(
            () ->
                alignment.onReplica(
                    ChunkInFlight.result(onPrimary).position(),
                    () -> ChunkInFlight.Timed.of(replica, shape, range)));
    return new ChunkInFlight(range, onPrimary, onReplica);
  }

  /** Not aligned: the last keys only bound the range compared. */
  @Override
  public Optional<List<String>> lastKey(TableShape shape)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    Future<Optional<List<String>>> onPrimary = primaryWorker.submit(() -> primary.lastKey(shape));
    Future<Optional<List<String>>> onReplica = replicaWorker.submit(() -> replica.lastKey(shape));
    return ComparedSides.laterKey(
        planning, shape, ChunkInFlight.result(onPrimary), ChunkInFlight.result(onReplica));
  }

  @Override
  public List<Map<List<String>, String>> rowDigests(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return aligned(() -> primary.rowDigests(shape, range), () -> replica.rowDigests(shape, range));
  }

  @Override
  public List<Map<List<String>, List<String>>> rows(TableShape shape, List<List<String>> keys)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return aligned(() -> primary.rows(shape, keys), () -> replica.rows(shape, keys));
  }

  /** Nothing to do: every read is aligned by itself. */
  @Override
  public void catchUp() {}

  private <T> List<T> aligned(GtidAlignment.Read<T> onPrimary, GtidAlignment.Read<T> onReplica)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    Future<GtidAlignment.Positioned<T>> first =
        primaryWorker.submit(() -> alignment.onPrimary(onPrimary));
    Future<T> second =
        replicaWorker.submit(
            () -> alignment.onReplica(ChunkInFlight.result(first).position(), onReplica));
    T primaryValue = ChunkInFlight.result(first).value();
    return List.of(primaryValue, ChunkInFlight.result(second));
  }

  @Override
  public void close() {
    primaryWorker.shutdownNow();
    replicaWorker.shutdownNow();
  }
}
