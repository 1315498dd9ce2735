package io.ferry.cutover.html;

import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.cutover.report.Verdict;
import io.ferry.dashboards.chart.BarChartSpec;
import io.ferry.dashboards.chart.PngChartRenderer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the report template shows, computed from a {@link ComparisonReport}: the template only
 * places these values (and jte escapes each for its HTML context).
 *
 * @param go whether the verdict is GO
 * @param phase {@code pre} or {@code post}
 * @param startedAt when the run started, ISO-8601
 * @param took how long the run took, e.g. {@code 3 min 20 s}
 * @param exitCode the report's exit code
 * @param exitNames what the exit code's bits say failed, joined by commas; empty for 0
 * @param oldEndpoints the old side's endpoints, joined by commas
 * @param newEndpoints the new side's endpoints, joined by commas
 * @param ferryVersion the version of Ferry that made the report
 * @param options the options the run used, by name
 * @param blockers one line per failed check or table
 * @param charts the overview charts, drawn
 * @param noDrift the sentence saying no table drifts, or null when one does or none was compared
 * @param checks every check result
 * @param tables every table's data result
 * @param replicas each replica compared with its primary ({@code --data-on-replicas})
 */
public record ReportView(
    boolean go,
    String phase,
    String startedAt,
    String took,
    int exitCode,
    String exitNames,
    String oldEndpoints,
    String newEndpoints,
    String ferryVersion,
    Map<String, String> options,
    List<String> blockers,
    List<Chart> charts,
    String noDrift,
    List<CheckResult> checks,
    List<TableRow> tables,
    List<ReplicaSection> replicas) {

  private static final int CHART_WIDTH = 720;

  /**
   * One replica compared with its primary: its heading, status and summary, and its tables (rows
   * counted on the primary, then the replica).
   */
  public record ReplicaSection(
      String name, String primary, Status status, String summary, List<TableRow> tables) {}

  /** A chart drawn as PNG, embedded as a data URI. */
  public record Chart(String title, int width, int height, String dataUri) {}

  /** One table's row in the data section. */
  public record TableRow(
      String name,
      Status status,
      String rowsOld,
      String rowsNew,
      int chunks,
      int rechecks,
      String summary,
      List<DriftRange> drift) {}

  /** A key range that kept differing, with its differing rows described. */
  public record DriftRange(String range, long rowsOld, long rowsNew, List<String> rows) {}

  /** The view of a report. Draws the charts, so it takes some tens of milliseconds. */
  public static ReportView of(ComparisonReport report) {
    return new ReportView(
        report.verdict() == Verdict.GO,
        report.phase().label(),
        report.startedAt().toString(),
        formatDuration(Duration.between(report.startedAt(), report.finishedAt())),
        report.exitCode(),
        String.join(", ", CheckFamily.namesOf(report.exitCode())),
        String.join(", ", report.oldEndpoints()),
        String.join(", ", report.newEndpoints()),
        report.run().ferryVersion(),
        report.run().options(),
        blockers(report),
        charts(report),
        noDrift(report),
        report.checks(),
        report.tables().stream().map(table -> tableRow(table, OLD_AND_NEW)).toList(),
        report.replicas().stream().map(ReportView::replicaSection).toList());
  }

  /** How rows on one side only are described in the clusters' comparison. */
  private static final List<String> OLD_AND_NEW = List.of("the old cluster", "the new cluster");

  /** How rows on one side only are described in a replica's comparison. */
  private static final List<String> PRIMARY_AND_REPLICA = List.of("the primary", "the replica");

  private static ReplicaSection replicaSection(ReplicaDataResult replica) {
    return new ReplicaSection(
        replica.label(),
        replica.primary(),
        replica.status(),
        replica.summary(),
        replica.tables().stream().map(table -> tableRow(table, PRIMARY_AND_REPLICA)).toList());
  }

  /** {@code pass}, {@code warn} or {@code fail}: the CSS class of a status cell. */
  public static String cssClass(Status status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  /** {@code 1 detail}, {@code 3 details}. */
  public static String details(int count) {
    return count + (count == 1 ? " detail" : " details");
  }

  private static List<String> blockers(ComparisonReport report) {
    List<String> lines = new ArrayList<>();
    for (CheckResult check : report.checks()) {
      if (check.status() == Status.FAIL) {
        lines.add(check.family() + " / " + check.name() + ": " + check.summary());
      }
    }
    for (TableDataResult table : report.tables()) {
      if (table.status() == Status.FAIL) {
        lines.add("data / " + table.qualifiedName() + ": " + table.summary());
      }
    }
    for (ReplicaDataResult replica : report.replicas()) {
      if (replica.status() == Status.FAIL) {
        lines.add(
            "data / replica "
                + replica.label()
                + " vs "
                + replica.primary()
                + ": "
                + replica.summary());
      }
    }
    return lines;
  }

  private static List<Chart> charts(ComparisonReport report) {
    List<Chart> charts = new ArrayList<>();
    charts.add(chart(ReportCharts.checksByFamily(report), 280));
    ReportCharts.driftPerTable(report)
        .ifPresent(spec -> charts.add(chart(spec, Math.max(200, 60 + 40 * spec.categoryCount()))));
    return charts;
  }

  private static Chart chart(BarChartSpec spec, int height) {
    byte[] png = PngChartRenderer.render(spec, CHART_WIDTH, height);
    return new Chart(
        spec.title(),
        CHART_WIDTH,
        height,
        "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
  }

  private static String noDrift(ComparisonReport report) {
    if (report.tables().isEmpty()
        || report.tables().stream().anyMatch(table -> !table.drift().isEmpty())) {
      return null;
    }
    int count = report.tables().size();
    long rows = report.tables().stream().mapToLong(TableDataResult::rowsOld).sum();
    return "No table drifts: "
        + count
        + (count == 1 ? " table, " : " tables, ")
        + String.format(Locale.ROOT, "%,d", rows)
        + " rows on the old side.";
  }

  private static TableRow tableRow(TableDataResult table, List<String> sides) {
    return new TableRow(
        table.qualifiedName(),
        table.status(),
        String.format(Locale.ROOT, "%,d", table.rowsOld()),
        String.format(Locale.ROOT, "%,d", table.rowsNew()),
        table.chunks(),
        table.rechecks(),
        table.summary(),
        table.drift().stream().map(drift -> driftRange(drift, sides)).toList());
  }

  private static DriftRange driftRange(ChunkDrift drift, List<String> sides) {
    return new DriftRange(
        drift.range(),
        drift.rowsOld(),
        drift.rowsNew(),
        drift.rows().stream().map(row -> row.describe(sides.get(0), sides.get(1))).toList());
  }

  private static String formatDuration(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120
        ? duration.toMillis() / 1000.0 + " s"
        : seconds / 60 + " min " + seconds % 60 + " s";
  }
}
