package io.ferry.cli.compare;

import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
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

/**
 * The short summary of a comparison printed on the terminal: counts, what failed (with the first
 * differing rows of each drifting table and the columns that differ), verdict.
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
    lines.add(verdictLine(report));
    return lines;
  }

  /**
   * The first {@link #ROWS_SHOWN} differing rows of a table, each with the columns that differ,
   * indented under the table's line; then how many more the report lists.
   */
  static List<String> firstDifferingRows(TableDataResult table) {
    List<RowDifference> rows = table.differingRowList();
    List<String> lines = new ArrayList<>();
    for (RowDifference row : rows.subList(0, Math.min(ROWS_SHOWN, rows.size()))) {
      lines.add("    " + row.describe());
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
