package io.ferry.cutover;

import io.ferry.cutover.access.AccessCheck;
import io.ferry.cutover.check.ConfigurationCheck;
import io.ferry.cutover.check.GrantsCheck;
import io.ferry.cutover.check.PreviousReportCheck;
import io.ferry.cutover.check.ReplicationTopologyCheck;
import io.ferry.cutover.check.SchemaCheck;
import io.ferry.cutover.check.TrafficCheck;
import io.ferry.cutover.data.DataComparator;
import io.ferry.cutover.data.ReplicaDataComparator;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.RunInfo;
import io.ferry.cutover.report.TableDataResult;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole cutover comparison: first the access gate (every node reachable, every privilege the
 * run needs held, no endpoint given twice; when it fails nothing else runs), then the check
 * families one after the other, then the data comparison (zero tables compared is a failure, never
 * a GO), with {@link ComparisonOptions#dataOnReplicas()} each replica's data with its primary's,
 * then (after the switch, when a pre-cutover report is given) the comparison of these results with
 * that report, and derives the verdict. A family that throws becomes one FAIL "could not finish"
 * result (exit bit 64) and the others still run. Blocking: call it from a worker thread.
 */
public final class CutoverComparison {

  private static final Logger LOG = LoggerFactory.getLogger(CutoverComparison.class);

  private final List<CutoverCheck> checks;
  private final Clock clock;

  /**
   * With the standard families: replication and topology, schema, configuration, grants, and (after
   * the switch) traffic.
   */
  public CutoverComparison() {
    this(
        List.of(
            new ReplicationTopologyCheck(),
            new SchemaCheck(),
            new ConfigurationCheck(),
            new GrantsCheck(),
            new TrafficCheck()),
        Clock.systemUTC());
  }

  /**
   * @param checks the check families to run, in order
   * @param clock source of the report's start and finish times
   */
  public CutoverComparison(List<CutoverCheck> checks, Clock clock) {
    this.checks = List.copyOf(checks);
    this.clock = clock;
  }

  /** Compares the clusters and returns the report; never throws for what it finds. */
  public ComparisonReport run(ClusterTopology topology, ComparisonOptions options)
      throws InterruptedException {
    Instant started = clock.instant();
    List<CheckResult> results = new ArrayList<>();
    List<TableDataResult> tables = new ArrayList<>();
    List<ReplicaDataResult> replicas = new ArrayList<>();
    try (NodeConnections connections =
        new NodeConnections(options.connectTimeout(), options.statementTimeout())) {
      results.addAll(new AccessCheck().run(topology, connections));
      if (AccessCheck.allowsComparison(results)) {
        CheckContext context = new CheckContext(topology, options, connections);
        for (CutoverCheck check : checks) {
          results.addAll(runCheck(check, context));
        }
        compareData(topology, options, connections, results, tables);
        if (options.dataOnReplicas()) {
          long rowsBefore = tables.stream().mapToLong(TableDataResult::rowsOld).sum();
          replicas.addAll(
              new ReplicaDataComparator(topology, options, connections, rowsBefore).compare());
        }
      }
    }
    ComparisonReport report =
        ComparisonReport.of(
                options.phase(),
                started,
                clock.instant(),
                topology.oldNodes().stream().map(Node::describe).toList(),
                topology.newNodes().stream().map(Node::describe).toList(),
                results,
                tables,
                RunInfo.current(options.describe()))
            .withReplicas(replicas);
    return options
        .previousReport()
        .map(before -> report.withMoreChecks(comparedWith(before, report, options)))
        .orElse(report);
  }

  private static void compareData(
      ClusterTopology topology,
      ComparisonOptions options,
      NodeConnections connections,
      List<CheckResult> results,
      List<TableDataResult> tables)
      throws InterruptedException {
    try {
      tables.addAll(new DataComparator(topology, options, connections).compare());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("data comparison could not finish: {}", e.getMessage());
      results.add(CheckResult.couldNotFinish(CheckFamily.DATA, message(e)));
      return;
    }
    if (tables.isEmpty()) {
      results.add(
          CheckResult.couldNotFinish(
              CheckFamily.DATA,
              "no table was compared: the old primary shows no table the filter (--include,"
                  + " --exclude) covers, so nothing proves the data arrived"));
    }
  }

  private static List<CheckResult> comparedWith(
      ComparisonReport before, ComparisonReport after, ComparisonOptions options) {
    return new PreviousReportCheck(options.maxRowCountChange(), options.maxPreviousReportAge())
        .compare(before, after);
  }

  private static List<CheckResult> runCheck(CutoverCheck check, CheckContext context) {
    try {
      return check.run(context);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("{} checks could not finish: {}", check.family(), e.getMessage());
      return List.of(CheckResult.couldNotFinish(check.family(), message(e)));
    }
  }

  private static String message(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
