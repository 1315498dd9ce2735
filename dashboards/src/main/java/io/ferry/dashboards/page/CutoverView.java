package io.ferry.dashboards.page;

import java.util.List;

/**
 * The cutover page.
 *
 * @param configured whether the collector runs comparisons ({@code compare:})
 * @param running whether a comparison is running now
 * @param latest the latest verdict, or null before the first
 * @param history finished comparisons in the range, newest first
 * @param reportLink where the latest full report is, or null when there is none
 * @param chart verdicts over time
 * @param error why the history could not be read, or null
 */
public record CutoverView(
    boolean configured,
    boolean running,
    VerdictRow latest,
    List<VerdictRow> history,
    String reportLink,
    ChartRef chart,
    String error) {

  public CutoverView {
    history = List.copyOf(history);
  }
}
