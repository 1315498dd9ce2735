package io.ferry.cutover.data;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The two servers a {@link TableComparator} compares, the first ("old") and the second ("new"): the
 * two primaries ({@link BothSides}), or a replica's primary and the replica ({@link
 * PrimaryAndReplica}). Each list result holds the first side's answer, then the second's.
 */
interface ComparedSides extends AutoCloseable {

  /** How summaries name the two sides. */
  SideNames names();

  /** The first side's connection for finding chunk boundaries, while a chunk is being hashed. */
  ChunkQueries planning();

  /**
   * How many chunks a {@link TableComparator} keeps started at once: enough that no connection
   * waits for the comparison between two chunks.
   */
  default int chunksInFlight() {
    return 2;
  }

  /** Starts both sides' checksums of a range, after whatever each side is still running. */
  ChunkInFlight start(TableShape shape, ChunkRange range);

  /** Both sides' checksums of a range. */
  default ChecksumPair checksum(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException, ComparisonStoppedException {
    return start(shape, range).await();
  }

  /**
   * The greater of both sides' last keys: the end of the key range a table's comparison covers.
   * Empty when both sides are empty.
   */
  Optional<List<String>> lastKey(TableShape shape)
      throws SQLException, InterruptedException, ComparisonStoppedException;

  /** Both sides' row digests of a range. */
  List<Map<List<String>, String>> rowDigests(TableShape shape, ChunkRange range)
      throws SQLException, InterruptedException, ComparisonStoppedException;

  /** Rows' column values on each side, by key (see {@link ChunkQueries#rows}). */
  List<Map<List<String>, List<String>>> rows(TableShape shape, List<List<String>> keys)
      throws SQLException, InterruptedException, ComparisonStoppedException;

  /**
   * Brings both sides to the same point in the replication stream before a differing range is read
   * again; a no-op where every read is aligned already.
   */
  void catchUp() throws SQLException, ComparisonStoppedException;

  @Override
  void close();

  /** The one daemon thread that reads one side, so each side runs one statement at a time. */
  static ExecutorService sideWorker(String name) {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The greater of the two sides' last keys (or the one side's that has rows). */
  static Optional<List<String>> laterKey(
      ChunkQueries planning,
      TableShape shape,
      Optional<List<String>> first,
      Optional<List<String>> second)
      throws SQLException {
    if (first.isEmpty() || second.isEmpty()) {
      return first.isPresent() ? first : second;
    }
    return planning.greater(shape, second.get(), first.get()) ? second : first;
  }
}
