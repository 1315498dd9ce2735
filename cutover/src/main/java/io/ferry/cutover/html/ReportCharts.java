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
        byStatus.get(status).putIfAbsent(check.family().label(), 0.0);
      }
      byStatus.get(check.status()).merge(check.family().label(), 1.0, Double::sum);
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

  /**
   * The drift per table: rows listed as differing and key ranges that kept differing, for the
   * tables that drift most; empty when no table drifts (a chart of identical bars tells nothing).
   */
  static Optional<BarChartSpec> driftPerTable(ComparisonReport report) {
    List<TableDataResult> drifting =
        report.tables().stream()
            .filter(table -> !table.drift().isEmpty())
            .sorted(
                Comparator.comparingLong(TableDataResult::differingRows)
                    .thenComparingInt(table -> table.drift().size())
                    .reversed())
            .limit(MAX_TABLES_CHARTED)
            .toList();
    if (drifting.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> rows = new LinkedHashMap<>();
    Map<String, Double> ranges = new LinkedHashMap<>();
    for (TableDataResult table : drifting) {
      rows.put(table.qualifiedName(), (double) table.differingRows());
      ranges.put(table.qualifiedName(), (double) table.drift().size());
    }
    long more =
        report.tables().stream().filter(t -> !t.drift().isEmpty()).count() - drifting.size();
    return Optional.of(
        new BarChartSpec(
            "Drift per table" + (more > 0 ? " (" + drifting.size() + " most drifting)" : ""),
            "table",
            "count",
            List.of(
                new BarSeries("rows differing", rows, colour(Status.FAIL)),
                new BarSeries("key ranges differing", ranges, colour(Status.WARN))),
            true,
            false));
  }
}
