package io.ferry.cli.compare;

import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.cutover.report.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The short summary of a comparison printed on the terminal: counts, what failed (with the first
 * differing rows of each drifting table and the columns that differ), a section per replica
 * compared with its primary ({@code --data-on-replicas}), verdict.
 */
public final class TerminalSummary {

  /** Differing rows listed per table; the report has them all. */
  public static final int ROWS_SHOWN = 5;

  private TerminalSummary() {}

  /** The summary as lines, without colour. */
  public static List<String> lines(ComparisonReport report) {
    List<String> lines = new ArrayList<>();
    Map<CheckFamily, Map<Status, Integer>> byFamily = new LinkedHashMap<>();
    for (CheckResult check : report.checks()) {
      byFamily
          .computeIfAbsent(check.family(), f -> new EnumMap<>(Status.class))
          .merge(check.status(), 1, Integer::sum);
    }
    for (Map.Entry<CheckFamily, Map<Status, Integer>> family : byFamily.entrySet()) {
      Map<Status, Integer> counts = family.getValue();
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-14s PASS %3d   WARN %3d   FAIL %3d",
              family.getKey(),
              counts.getOrDefault(Status.PASS, 0),
              counts.getOrDefault(Status.WARN, 0),
              counts.getOrDefault(Status.FAIL, 0)));
    }
    long rowsOld = report.tables().stream().mapToLong(TableDataResult::rowsOld).sum();
    long drifting = report.tables().stream().filter(t -> t.status() == Status.FAIL).count();
    lines.add(
        report.tables().isEmpty()
            ? String.format(Locale.ROOT, "  %-14s no table compared", "data")
            : String.format(
                Locale.ROOT,
                "  %-14s %d tables, %,d rows on the old side, %d with differences",
                "data",
                report.tables().size(),
                rowsOld,
                drifting));
    replicaCounts(report).ifPresent(lines::add);
    for (CheckResult check : report.checks()) {
      if (check.status() != Status.PASS) {
        lines.add(
            check.status() + " " + check.family() + " / " + check.name() + ": " + check.summary());
      }
    }
    for (TableDataResult table : report.tables()) {
      if (table.status() != Status.PASS) {
        lines.add(table.status() + " data / " + table.qualifiedName() + ": " + table.summary());
        lines.addAll(firstDifferingRows(table));
      }
    }
    for (ReplicaDataResult replica : report.replicas()) {
      lines.addAll(replicaSection(replica));
    }
    lines.add(verdictLine(report));
    return lines;
  }

  /**
   * With {@code --data-on-replicas}: how many replicas were compared with their primaries and how
   * many differ, or that none was given.
   */
  private static Optional<String> replicaCounts(ComparisonReport report) {
    if (report.replicas().isEmpty()) {
      return "true".equals(report.run().options().get("data-on-replicas"))
          ? Optional.of(
              String.format(
                  Locale.ROOT,
                  "  %-14s none given (--old-replica, --new-replica): no replica compared",
                  "replicas"))
          : Optional.empty();
    }
    long failed = report.replicas().stream().filter(r -> r.status() == Status.FAIL).count();
    return Optional.of(
        String.format(
            Locale.ROOT,
            "  %-14s %d compared with their primaries, %d with differences or not compared",
            "replicas",
            report.replicas().size(),
            failed));
  }

  /**
   * One replica's section: its line, then each table that did not pass with its first differing
   * rows.
   */
  static List<String> replicaSection(ReplicaDataResult replica) {
    List<String> lines = new ArrayList<>();
    lines.add(
        replica.status()
            + " replica "
            + replica.label()
            + " vs "
            + replica.primary()
            + ": "
            + replica.summary());
    for (TableDataResult table : replica.tables()) {
      if (table.status() != Status.PASS) {
        lines.add("  " + table.status() + " " + table.qualifiedName() + ": " + table.summary());
        lines.addAll(firstDifferingRows(table, "the primary", "the replica"));
      }
    }
    return lines;
  }

  /**
   * The first {@link #ROWS_SHOWN} differing rows of a table, each with the columns that differ,
   * indented under the table's line; then how many more the report lists.
   */
  static List<String> firstDifferingRows(TableDataResult table) {
    return firstDifferingRows(table, "the old cluster", "the new cluster");
  }

  private static List<String> firstDifferingRows(
      TableDataResult table, String firstSide, String secondSide) {
    List<RowDifference> rows = table.differingRowList();
    List<String> lines = new ArrayList<>();
    for (RowDifference row : rows.subList(0, Math.min(ROWS_SHOWN, rows.size()))) {
      lines.add("    " + row.describe(firstSide, secondSide));
    }
    if (rows.size() > ROWS_SHOWN) {
      lines.add("    ... " + (rows.size() - ROWS_SHOWN) + " more differing rows in the report");
    }
    return lines;
  }

  /** {@code VERDICT: GO (exit 0)} or {@code VERDICT: NO-GO (exit 9: data, configuration)}. */
  public static String verdictLine(ComparisonReport report) {
    if (report.verdict() == Verdict.GO) {
      return "VERDICT: GO (exit 0)";
    }
    return "VERDICT: NO-GO (exit "
        + report.exitCode()
        + ": "
        + String.join(", ", CheckFamily.namesOf(report.exitCode()))
        + ")";
  }
}
