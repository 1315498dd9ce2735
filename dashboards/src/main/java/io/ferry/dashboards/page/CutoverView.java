package io.ferry.dashboards.page;

import java.time.Instant;
import java.util.List;

/**
 * The cutover page.
 *
 * @param configured whether the collector runs comparisons ({@code compare:})
 * @param running whether a comparison is running now
 * @param latest the latest verdict, or null before the first
 * @param history finished comparisons in the range, newest first
 * @param reportLink where the latest full report is, or null when there is none
 * @param chart verdicts over time, the switch marked
 * @param switchedAt when the service switched to the new cluster (the first {@code post}
 *     comparison), or null before
 * @param reportsKept whether the collector keeps reports ({@code compare.report_dir})
 * @param reports the reports kept, {@code pre} first
 * @param error why the history or the reports could not be read, or null
 */
public record CutoverView(
    boolean configured,
    boolean running,
    VerdictRow latest,
    List<VerdictRow> history,
    String reportLink,
    ChartRef chart,
    Instant switchedAt,
    boolean reportsKept,
    List<StoredReportRow> reports,
    String error) {

  public CutoverView {
    history = List.copyOf(history);
    reports = List.copyOf(reports);
  }
}
