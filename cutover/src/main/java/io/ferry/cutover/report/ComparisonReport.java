package io.ferry.cutover.report;

import io.ferry.cutover.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one comparison found; its verdict and exit code are derived from its results.
 *
 * @param phase before or after the switch
 * @param startedAt when the comparison started
 * @param finishedAt when it finished
 * @param oldEndpoints the old side's nodes, described without passwords
 * @param newEndpoints the new side's nodes, described without passwords
 * @param checks results of the check families, in the order they ran
 * @param tables per-table data results
 * @param replicas each replica's data compared with its primary's ({@code --data-on-replicas});
 *     empty when not asked for
 * @param run Ferry's version and the options used
 */
public record ComparisonReport(
    Phase phase,
    Instant startedAt,
    Instant finishedAt,
    List<String> oldEndpoints,
    List<String> newEndpoints,
    List<CheckResult> checks,
    List<TableDataResult> tables,
    List<ReplicaDataResult> replicas,
    RunInfo run) {

  public ComparisonReport {
    replicas = List.copyOf(replicas);
    oldEndpoints = List.copyOf(oldEndpoints);
    newEndpoints = List.copyOf(newEndpoints);
    checks = List.copyOf(checks);
    tables = List.copyOf(tables);
    Objects.requireNonNull(run, "run");
  }

  /**
   * The exit code: the OR of the failed results' bits (see {@link CheckFamily}); WARNs set no bit.
   */
  public int exitCode() {
    int exitCode = 0;
    for (CheckResult check : checks) {
      exitCode |= check.exitBit();
    }
    for (TableDataResult table : tables) {
      exitCode |= table.exitBit();
    }
    for (ReplicaDataResult replica : replicas) {
      exitCode |= replica.exitBits();
    }
    return exitCode;
  }

  /** GO when the exit code is 0. */
  public Verdict verdict() {
    return exitCode() == 0 ? Verdict.GO : Verdict.NO_GO;
  }

  /** A report made by this build of Ferry with no options recorded. */
  public static ComparisonReport of(
      Phase phase,
      Instant startedAt,
      Instant finishedAt,
      List<String> oldEndpoints,
      List<String> newEndpoints,
      List<CheckResult> checks,
      List<TableDataResult> tables) {
    return of(
        phase,
        startedAt,
        finishedAt,
        oldEndpoints,
        newEndpoints,
        checks,
        tables,
        RunInfo.current(Map.of()));
  }

  /** A report; same as the constructor. */
  public static ComparisonReport of(
      Phase phase,
      Instant startedAt,
      Instant finishedAt,
      List<String> oldEndpoints,
      List<String> newEndpoints,
      List<CheckResult> checks,
      List<TableDataResult> tables,
      RunInfo run) {
    return new ComparisonReport(
        phase, startedAt, finishedAt, oldEndpoints, newEndpoints, checks, tables, List.of(), run);
  }

  /** A copy with the replicas' data comparisons. */
  public ComparisonReport withReplicas(List<ReplicaDataResult> compared) {
    return new ComparisonReport(
        phase, startedAt, finishedAt, oldEndpoints, newEndpoints, checks, tables, compared, run);
  }

  /** A copy with more check results after the existing ones. */
  public ComparisonReport withMoreChecks(List<CheckResult> more) {
    List<CheckResult> all = new ArrayList<>(checks);
    all.addAll(more);
    return new ComparisonReport(
        phase, startedAt, finishedAt, oldEndpoints, newEndpoints, all, tables, replicas, run);
  }
}
