package io.ferry.cutover.html;

import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.dashboards.chart.BarChartSpec;
import io.ferry.dashboards.chart.BarSeries;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The charts of a comparison report, as chart specifications (rendering is the caller's). */
final class ReportCharts {

  /** Tables beyond this many (the largest first) are left out of the rows chart. */
  static final int MAX_TABLES_CHARTED = 25;

  private ReportCharts() {}

  /** Check results per family, stacked by status. */
  static BarChartSpec checksByFamily(ComparisonReport report) {
    Map<Status, Map<String, Double>> byStatus = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      byStatus.put(status, new LinkedHashMap<>());
    }
    for (CheckResult check : report.checks()) {
      for (Status status : Status.values()) {
        byStatus.get(status).putIfAbsent(check.family(), 0.0);
      }
      byStatus.get(check.status()).merge(check.family(), 1.0, Double::sum);
    }
    List<BarSeries> series =
        List.of(Status.values()).stream()
            .map(status -> new BarSeries(status.name(), byStatus.get(status), colour(status)))
            .toList();
    return new BarChartSpec("Checks by family", "family", "checks", series, false, true);
  }

  /** The colour a status has everywhere in the report. */
  static int colour(Status status) {
    return switch (status) {
      case PASS -> 0x007A3D;
      case WARN -> 0xE69F00;
      case FAIL -> 0xB00020;
    };
  }

  /** Rows counted on each side for the largest tables; empty when no table was compared. */
  static Optional<BarChartSpec> rowsPerTable(ComparisonReport report) {
    if (report.tables().isEmpty()) {
      return Optional.empty();
    }
    List<TableDataResult> largest =
        report.tables().stream()
            .sorted(
                Comparator.comparingLong((TableDataResult t) -> Math.max(t.rowsOld(), t.rowsNew()))
                    .reversed())
            .limit(MAX_TABLES_CHARTED)
            .toList();
    Map<String, Double> oldRows = new LinkedHashMap<>();
    Map<String, Double> newRows = new LinkedHashMap<>();
    for (TableDataResult table : largest) {
      oldRows.put(table.qualifiedName(), (double) table.rowsOld());
      newRows.put(table.qualifiedName(), (double) table.rowsNew());
    }
    return Optional.of(
        new BarChartSpec(
            "Rows per table (largest " + largest.size() + ")",
            "table",
            "rows",
            List.of(new BarSeries("old cluster", oldRows), new BarSeries("new cluster", newRows)),
            true,
            false));
  }
}
