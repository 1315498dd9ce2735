package io.ferry.cutover.data;

import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.Node;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.mysqlfacts.ServerDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the data of the two primaries table by table (see {@link TableComparator}), with load
 * throttling, progress reports and an optional checkpoint to resume from.
 */
public final class DataComparator {

  private static final Logger LOG = LoggerFactory.getLogger(DataComparator.class);

  private final ClusterTopology topology;
  private final ComparisonOptions options;
  private final NodeConnections connections;
  private final ChunkInFlight.Start chunkStart;

  /**
   * @param topology the clusters; their primaries are compared
   * @param options chunking, throttling, re-check, filter, checkpoint and progress options
   * @param connections opens the comparison's own connections (closed by the caller)
   */
  public DataComparator(
      ClusterTopology topology, ComparisonOptions options, NodeConnections connections) {
    this(topology, options, connections, ChunkInFlight.Start.TOGETHER);
  }

  /**
   * @param chunkStart when each primary begins a chunk (see {@link BothSides}); not an option: the
   *     other choice exists to measure what starting together saves
   */
  DataComparator(
      ClusterTopology topology,
      ComparisonOptions options,
      NodeConnections connections,
      ChunkInFlight.Start chunkStart) {
    this.topology = topology;
    this.options = options;
    this.connections = connections;
    this.chunkStart = chunkStart;
  }

  /**
   * Compares every covered table. A table that cannot be finished (an error, overloaded servers, a
   * side that does not catch up) is reported as not finished and the others go on.
   *
   * @throws SQLException when the primaries cannot be reached or the table list cannot be read
   */
  public List<TableDataResult> compare() throws SQLException, InterruptedException {
    Connection oldConnection = connections.open(topology.oldPrimary());
    Connection newConnection = connections.open(topology.newPrimary());
    ServerDialect oldVersion = ServerDialects.of(oldConnection);
    boolean mariaDb = oldVersion.mariaDb();
    RowHash hash = RowHash.commonTo(oldVersion, ServerDialects.of(newConnection));
    LOG.info("data comparison hashes rows with {}", hash);
    TableShapeReader reader = new TableShapeReader();
    Map<String, Long> estimates = reader.tables(oldConnection, options.tableFilter());
    RunProgress progress =
        new RunProgress(
            options.checkpointFile().map(CheckpointFile::new),
            options.progressListener(),
            estimates.values().stream().mapToLong(Long::longValue).sum());
    LoadThrottle throttle = throttle(topology, options, connections, oldConnection, newConnection);
    List<ChunkQueries> oldSides = new ArrayList<>(List.of(new ChunkQueries(oldConnection, hash)));
    List<ChunkQueries> newSides = new ArrayList<>(List.of(new ChunkQueries(newConnection, hash)));
    for (int lane = 1; lane < options.chunkParallelism(); lane++) {
      oldSides.add(new ChunkQueries(connections.open(topology.oldPrimary()), hash));
      newSides.add(new ChunkQueries(connections.open(topology.newPrimary()), hash));
    }
    try (BothSides sides =
        new BothSides(
            oldSides,
            newSides,
            new ChunkQueries(connections.open(topology.oldPrimary()), hash),
            mariaDb,
            options.gtidWaitTimeout(),
            chunkStart)) {
      for (String qualified : estimates.keySet()) {
        int dot = qualified.indexOf('.');
        String database = qualified.substring(0, dot);
        String table = qualified.substring(dot + 1);
        if (progress.isFinished(database, table)) {
          continue;
        }
        TableComparator comparator =
            new TableComparator(
                sides,
                throttle,
                new ChunkSizer(
                    options.chunkTargetTime(),
                    options.initialChunkRows(),
                    options.minChunkRows(),
                    options.maxChunkRows()),
                options.recheckAttempts(),
                options.rowDetailLimit(),
                options.showValues());
        TableDataResult result =
            compareTable(
                reader,
                oldConnection,
                newConnection,
                SideNames.CLUSTERS,
                comparator,
                progress.startOf(database, table),
                progress::chunkDone);
        LOG.info(
            "{}: {} ({} chunks re-checked after catching up)",
            qualified,
            result.summary(),
            result.rechecks());
        progress.tableDone(result);
      }
    }
    return progress.complete();
  }

  /**
   * The throttle, after one reading of the load: a status variable that does not exist stops the
   * data comparison here, once, rather than every table.
   */
  static LoadThrottle throttle(
      ClusterTopology topology,
      ComparisonOptions options,
      NodeConnections connections,
      Connection oldConnection,
      Connection newConnection)
      throws SQLException {
    List<Connection> everyNode = new ArrayList<>();
    for (Node node : topology.allNodes()) {
      everyNode.add(connections.shared(node));
    }
    Map<String, Connection> primaries = new LinkedHashMap<>();
    primaries.put("old primary", oldConnection);
    primaries.put("new primary", newConnection);
    ServerLoadProbe probe =
        new ServerLoadProbe(primaries, everyNode, options.maxLoad(), options.heartbeatTable());
    probe.read();
    return new LoadThrottle(
        probe,
        duration -> Thread.sleep(duration.toMillis()),
        System::nanoTime,
        options.maxLoad(),
        options.maxReplicaLag(),
        options.throttlePause(),
        options.maxThrottleWait(),
        options.progressListener());
  }

  /**
   * One table's comparison; an error or a stop ends this table only, as a result that did not
   * finish.
   */
  static TableDataResult compareTable(
      TableShapeReader reader,
      Connection oldConnection,
      Connection newConnection,
      SideNames sides,
      TableComparator comparator,
      Checkpoint.InProgress start,
      Consumer<Checkpoint.InProgress> afterChunk)
      throws InterruptedException {
    String database = start.database();
    String table = start.table();
    try {
      Optional<TableShape> oldShape = reader.shape(oldConnection, database, table);
      Optional<TableShape> newShape = reader.shape(newConnection, database, table);
      if (oldShape.isEmpty() || newShape.isEmpty()) {
        String side = oldShape.isEmpty() ? sides.first() : sides.second();
        return new TableDataResult(
            database,
            table,
            Status.FAIL,
            true,
            "table missing on the " + side + (sides == SideNames.CLUSTERS ? " side" : ""),
            0,
            0,
            0,
            0,
            List.of());
      }
      TableShape shape = commonColumns(oldShape.get(), newShape.get());
      return shape.chunkable()
          ? comparator.compareChunked(shape, start, afterChunk)
          : comparator.compareWhole(shape);
    } catch (SQLException | ComparisonStoppedException e) {
      LOG.warn("data comparison of {}.{} could not finish: {}", database, table, e.getMessage());
      return new TableDataResult(
          database,
          table,
          Status.FAIL,
          false,
          "could not finish: " + e.getMessage(),
          start.rowsOld(),
          start.rowsNew(),
          start.chunks(),
          start.rechecks(),
          start.drift());
    }
  }

  /**
   * The old side's shape restricted to columns the new side also has: a column on one side only is
   * a schema difference (reported by the schema checks), and the values of the others can still be
   * compared.
   */
  static TableShape commonColumns(TableShape oldShape, TableShape newShape) {
    Set<String> newNames = new HashSet<>();
    newShape.columns().forEach(column -> newNames.add(column.name().toLowerCase(Locale.ROOT)));
    List<Column> common =
        oldShape.columns().stream()
            .filter(column -> newNames.contains(column.name().toLowerCase(Locale.ROOT)))
            .toList();
    return new TableShape(oldShape.database(), oldShape.table(), common, oldShape.key());
  }
}
