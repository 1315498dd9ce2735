package io.ferry.cutover.data;

import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.Node;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.mysqlfacts.ServerDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares each replica's data with its own primary's ({@code --data-on-replicas}), in both
 * clusters: the tables the primary shows (with the run's filter), chunk by chunk with the same row
 * hash, throttling and pinpointing as the clusters' comparison ({@link TableComparator}), every
 * read GTID-aligned ({@link GtidAlignment}). A replica that does not catch up within the wait, or
 * that cannot be read, is reported as not compared to the end and the other replicas go on.
 */
public final class ReplicaDataComparator {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicaDataComparator.class);

  private final ClusterTopology topology;
  private final ComparisonOptions options;
  private final NodeConnections connections;
  private final long rowsBefore;

  /**
   * @param topology the clusters; each replica is compared with its own side's primary
   * @param options chunking, throttling, re-check, filter, wait and progress options
   * @param connections opens the comparison's own connections (closed by the caller)
   * @param rowsBefore rows the run compared before (the clusters' comparison), so that progress
   *     goes on from there
   */
  public ReplicaDataComparator(
      ClusterTopology topology,
      ComparisonOptions options,
      NodeConnections connections,
      long rowsBefore) {
    this.topology = topology;
    this.options = options;
    this.connections = connections;
    this.rowsBefore = rowsBefore;
  }

  /** Every replica's result, the old cluster's first; never throws for what it finds. */
  public List<ReplicaDataResult> compare() throws InterruptedException {
    List<ReplicaDataResult> results = new ArrayList<>();
    LoadThrottle throttle;
    try {
      throttle =
          DataComparator.throttle(
              topology,
              options,
              connections,
              connections.shared(topology.oldPrimary()),
              connections.shared(topology.newPrimary()));
    } catch (SQLException e) {
      for (Node replica : replicas()) {
        results.add(notCompared(replica, "cannot read the servers' load: " + e.getMessage()));
      }
      return results;
    }
    for (Node replica : replicas()) {
      results.add(compare(replica, throttle));
    }
    return results;
  }

  private List<Node> replicas() {
    return topology.allNodes().stream().filter(node -> !node.isPrimary()).toList();
  }

  private ReplicaDataResult compare(Node replica, LoadThrottle throttle)
      throws InterruptedException {
    Node primary = primaryOf(replica);
    List<TableDataResult> tables = new ArrayList<>();
    int covered = 0;
    Optional<String> stopped = Optional.empty();
    try {
      Connection primaryConnection = connections.open(primary);
      Connection replicaConnection = connections.open(replica);
      ServerDialect primaryDialect = ServerDialects.of(primaryConnection);
      ServerDialect replicaDialect = ServerDialects.of(replicaConnection);
      if (primaryDialect.mariaDb() != replicaDialect.mariaDb()) {
        return notCompared(
            replica,
            "its GTIDs cannot be aligned with "
                + primary.name()
                + "'s: one is MariaDB, the other MySQL");
      }
      RowHash hash = RowHash.commonTo(primaryDialect, replicaDialect);
      TableShapeReader reader = new TableShapeReader();
      Map<String, Long> estimates = reader.tables(primaryConnection, options.tableFilter());
      covered = estimates.size();
      long estimate = estimates.values().stream().mapToLong(Long::longValue).sum();
      GtidAlignment alignment =
          new GtidAlignment(
              primaryConnection,
              primary.name(),
              replicaConnection,
              replica.name(),
              primaryDialect.mariaDb(),
              options.gtidWaitTimeout());
      long rowsDone = 0;
      try (PrimaryAndReplica sides =
          new PrimaryAndReplica(
              new ChunkQueries(primaryConnection, hash),
              new ChunkQueries(replicaConnection, hash),
              new ChunkQueries(connections.open(primary), hash),
              alignment)) {
        for (String qualified : estimates.keySet()) {
          int dot = qualified.indexOf('.');
          String database = qualified.substring(0, dot);
          String table = qualified.substring(dot + 1);
          long doneBefore = rowsDone;
          TableDataResult result =
              DataComparator.compareTable(
                  reader,
                  primaryConnection,
                  replicaConnection,
                  SideNames.PRIMARY_AND_REPLICA,
                  comparator(sides, throttle),
                  new Checkpoint.InProgress(database, table, List.of(), 0, 0, 0, 0, List.of()),
                  state -> progress(replica, qualified, doneBefore + state.rowsOld(), estimate));
          LOG.info("{} {}: {}", replica.name(), qualified, result.summary());
          tables.add(result);
          rowsDone += result.rowsOld();
          stopped = alignment.behind();
          if (stopped.isPresent()) {
            break;
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("data comparison of {} could not finish: {}", replica.name(), e.getMessage());
      stopped = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    if (stopped.isPresent()) {
      LOG.warn("data comparison of {} stopped: {}", replica.name(), stopped.get());
    }
    return ReplicaDataResult.of(
        cluster(replica), replica.name(), primary.name(), tables, covered, stopped);
  }

  private TableComparator comparator(PrimaryAndReplica sides, LoadThrottle throttle) {
    return new TableComparator(
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
  }

  private void progress(Node replica, String table, long rowsDone, long estimate) {
    long done = rowsBefore + rowsDone;
    options
        .progressListener()
        .onProgress(
            new ProgressListener.Progress(
                replica.name() + " " + table, done, Math.max(rowsBefore + estimate, done)));
  }

  private ReplicaDataResult notCompared(Node replica, String reason) {
    return ReplicaDataResult.of(
        cluster(replica),
        replica.name(),
        primaryOf(replica).name(),
        List.of(),
        0,
        Optional.of(reason));
  }

  private Node primaryOf(Node replica) {
    return topology.isNewSide(replica) ? topology.newPrimary() : topology.oldPrimary();
  }

  private String cluster(Node replica) {
    return topology.isNewSide(replica) ? "new" : "old";
  }
}
