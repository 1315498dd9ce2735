package io.ferry.cutover.check;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.cutover.report.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * After the switch: compares the post-cutover results with the pre-cutover report ({@link
 * CheckFamily#BASELINE}). It reads no server but the assembled results of the other families and
 * the data comparison, so it runs last and is not a {@link io.ferry.cutover.CutoverCheck}.
 *
 * <p>Checks are matched by family and name; when a family reports several results under one name,
 * the worst status stands for them. Rules:
 *
 * <ul>
 *   <li>the pre-cutover verdict was NO-GO: WARN (the switch happened anyway);
 *   <li>the pre-cutover report is older than the allowed age: WARN;
 *   <li>a check that passed before fails now: FAIL;
 *   <li>a check that failed before passes now, or a table drifted before and not now: PASS, listed
 *       (only reported when there is one);
 *   <li>a table compared before is not compared now: FAIL (WARN when the data comparison did not
 *       finish this time);
 *   <li>a table's row count on the side taking writes (old before, new now) changed by more than
 *       the allowed fraction: WARN;
 *   <li>a table drifts now that did not before: FAIL.
 * </ul>
 */
public final class PreviousReportCheck {

  private static final CheckFamily FAMILY = CheckFamily.BASELINE;

  private final double maxRowCountChange;
  private final Duration maxAge;

  /**
   * @param maxRowCountChange largest change of a row count as a fraction of the earlier count, e.g.
   *     0.25; above it the table is flagged
   * @param maxAge oldest the previous report may be, from its end to this run's start
   */
  public PreviousReportCheck(double maxRowCountChange, Duration maxAge) {
    this.maxRowCountChange = maxRowCountChange;
    this.maxAge = maxAge;
  }

  /**
   * Compares a post-cutover report with the pre-cutover one.
   *
   * @param before the pre-cutover report
   * @param after this run's report, without baseline results
   * @return the baseline family's results
   * @throws IllegalArgumentException when {@code before} is not a pre-cutover report
   */
  public List<CheckResult> compare(ComparisonReport before, ComparisonReport after) {
    if (before.phase() != Phase.PRE) {
      throw new IllegalArgumentException(
          "the previous report must be a pre-cutover report, was " + before.phase());
    }
    List<CheckResult> results = new ArrayList<>();
    results.add(previousVerdict(before));
    results.add(previousAge(before, after));
    results.add(regressions(before, after));
    fixed(before, after).ifPresent(results::add);
    results.add(missingTables(before, after));
    results.add(rowCounts(before, after));
    results.add(newDrift(before, after));
    return results;
  }

  static CheckResult previousVerdict(ComparisonReport before) {
    String when = "pre-cutover report of " + before.startedAt();
    if (before.verdict() == Verdict.GO) {
      return CheckResult.pass(
          FAMILY, "pre-cutover verdict", "the pre-cutover report was a GO", List.of(when));
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(when + ": NO-GO, exit " + before.exitCode());
    for (CheckResult check : before.checks()) {
      if (check.status() == Status.FAIL) {
        evidence.add(
            "failed then: " + check.family() + " / " + check.name() + ": " + check.summary());
      }
    }
    for (TableDataResult table : before.tables()) {
      if (table.status() == Status.FAIL) {
        evidence.add("failed then: data / " + table.qualifiedName() + ": " + table.summary());
      }
    }
    return CheckResult.of(
        FAMILY,
        "pre-cutover verdict",
        Status.WARN,
        "the switch happened on a NO-GO (pre-cutover exit " + before.exitCode() + ")",
        evidence);
  }

  CheckResult previousAge(ComparisonReport before, ComparisonReport after) {
    Duration age = Duration.between(before.finishedAt(), after.startedAt());
    List<String> evidence =
        List.of(
            "pre-cutover report finished " + before.finishedAt(),
            "this comparison started " + after.startedAt());
    if (age.isNegative()) {
      return CheckResult.of(
          FAMILY,
          "pre-cutover report age",
          Status.WARN,
          "the pre-cutover report finished after this comparison started: is it the right file?",
          evidence);
    }
    if (age.compareTo(maxAge) > 0) {
      return CheckResult.of(
          FAMILY,
          "pre-cutover report age",
          Status.WARN,
          "the pre-cutover report is "
              + describe(age)
              + " old (more than "
              + describe(maxAge)
              + "): compare with a fresher one",
          evidence);
    }
    return CheckResult.pass(
        FAMILY,
        "pre-cutover report age",
        "the pre-cutover report is " + describe(age) + " old",
        evidence);
  }

  static CheckResult regressions(ComparisonReport before, ComparisonReport after) {
    Map<String, Status> then = worstByCheck(before.checks());
    Map<String, Status> now = worstByCheck(after.checks());
    List<String> evidence = new ArrayList<>();
    now.forEach(
        (check, status) -> {
          if (status == Status.FAIL && then.get(check) == Status.PASS) {
            evidence.add(check + ": PASS before the switch, FAIL now");
          }
        });
    if (evidence.isEmpty()) {
      return CheckResult.pass(
          FAMILY,
          "regressions",
          "no check that passed before the switch fails now",
          List.of(now.size() + " checks compared with the pre-cutover report"));
    }
    return CheckResult.of(
        FAMILY,
        "regressions",
        Status.FAIL,
        evidence.size()
            + " checks passed before the switch and fail now, first: "
            + evidence.get(0),
        evidence);
  }

  static Optional<CheckResult> fixed(ComparisonReport before, ComparisonReport after) {
    Map<String, Status> then = worstByCheck(before.checks());
    List<String> evidence = new ArrayList<>();
    worstByCheck(after.checks())
        .forEach(
            (check, status) -> {
              if (status == Status.PASS && then.get(check) == Status.FAIL) {
                evidence.add(check + ": FAIL before the switch, PASS now");
              }
            });
    Map<String, TableDataResult> tablesThen = tablesByName(before);
    for (TableDataResult table : after.tables()) {
      TableDataResult previous = tablesThen.get(table.qualifiedName());
      if (previous != null && drifts(previous) && table.status() == Status.PASS) {
        evidence.add("data / " + table.qualifiedName() + ": drift before the switch, none now");
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        CheckResult.pass(
            FAMILY,
            "fixed since pre-cutover",
            evidence.size() + " things that failed before the switch pass now",
            evidence));
  }

  static CheckResult missingTables(ComparisonReport before, ComparisonReport after) {
    Map<String, TableDataResult> now = tablesByName(after);
    List<String> evidence = new ArrayList<>();
    for (TableDataResult table : before.tables()) {
      if (!now.containsKey(table.qualifiedName())) {
        evidence.add(
            table.qualifiedName()
                + ": compared before the switch ("
                + table.rowsOld()
                + " rows), not now (dropped, renamed, or left out by the table filter)");
      }
    }
    if (evidence.isEmpty()) {
      return CheckResult.pass(
          FAMILY,
          "tables still compared",
          "every table compared before the switch is compared now",
          List.of(before.tables().size() + " tables in the pre-cutover report"));
    }
    boolean dataFinished =
        after.checks().stream()
            .noneMatch(check -> check.family() == CheckFamily.DATA && !check.finished());
    String summary = evidence.size() + " tables compared before the switch are not compared now";
    return dataFinished
        ? CheckResult.of(FAMILY, "tables still compared", Status.FAIL, summary, evidence)
        : CheckResult.of(
            FAMILY,
            "tables still compared",
            Status.WARN,
            summary + " (the data comparison did not finish this time)",
            evidence);
  }

  CheckResult rowCounts(ComparisonReport before, ComparisonReport after) {
    Map<String, TableDataResult> then = tablesByName(before);
    List<String> evidence = new ArrayList<>();
    int compared = 0;
    for (TableDataResult table : after.tables()) {
      TableDataResult previous = then.get(table.qualifiedName());
      if (previous == null || !table.finished() || !previous.finished()) {
        continue;
      }
      compared++;
      long rowsThen = previous.rowsOld();
      long rowsNow = table.rowsNew();
      double change = (rowsNow - rowsThen) / (double) Math.max(1, rowsThen);
      if (Math.abs(change) > maxRowCountChange) {
        evidence.add(
            String.format(
                Locale.ROOT,
                "%s: %d rows before the switch (old side), %d now (new side): %+.0f%%",
                table.qualifiedName(),
                rowsThen,
                rowsNow,
                change * 100));
      }
    }
    String limit = String.format(Locale.ROOT, "%.0f%%", maxRowCountChange * 100);
    if (evidence.isEmpty()) {
      return CheckResult.pass(
          FAMILY,
          "row counts",
          "no table's row count changed by more than " + limit + " since the pre-cutover report",
          List.of(compared + " tables compared"));
    }
    return CheckResult.of(
        FAMILY,
        "row counts",
        Status.WARN,
        evidence.size()
            + " tables changed size by more than "
            + limit
            + " since the pre-cutover report",
        evidence);
  }

  static CheckResult newDrift(ComparisonReport before, ComparisonReport after) {
    Map<String, TableDataResult> then = tablesByName(before);
    List<String> evidence = new ArrayList<>();
    for (TableDataResult table : after.tables()) {
      TableDataResult previous = then.get(table.qualifiedName());
      if (!drifts(table) || (previous != null && drifts(previous))) {
        continue;
      }
      evidence.add(
          table.qualifiedName()
              + ": "
              + table.summary()
              + (previous == null ? " (not compared before the switch)" : " (no drift before)"));
    }
    if (evidence.isEmpty()) {
      return CheckResult.pass(
          FAMILY, "new drift", "no table drifts now that did not before the switch", List.of());
    }
    return CheckResult.of(
        FAMILY,
        "new drift",
        Status.FAIL,
        evidence.size()
            + " tables drift now that did not before the switch, first: "
            + evidence.get(0),
        evidence);
  }

  /** Finished with differing rows; a table that could not finish is not known to drift. */
  private static boolean drifts(TableDataResult table) {
    return table.status() == Status.FAIL && table.finished();
  }

  private static Map<String, Status> worstByCheck(List<CheckResult> checks) {
    Map<String, Status> worst = new LinkedHashMap<>();
    for (CheckResult check : checks) {
      if (check.family() == FAMILY || !check.finished()) {
        continue;
      }
      worst.merge(
          check.family() + " / " + check.name(), check.status(), PreviousReportCheck::worse);
    }
    return worst;
  }

  private static Status worse(Status a, Status b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Map<String, TableDataResult> tablesByName(ComparisonReport report) {
    Map<String, TableDataResult> tables = new LinkedHashMap<>();
    report.tables().forEach(table -> tables.put(table.qualifiedName(), table));
    return tables;
  }

  private static String describe(Duration duration) {
    long days = duration.toDays();
    if (days > 0) {
      return days + (days == 1 ? " day " : " days ") + duration.toHoursPart() + " h";
    }
    return duration.toHours() + " h " + duration.toMinutesPart() + " min";
  }
}
