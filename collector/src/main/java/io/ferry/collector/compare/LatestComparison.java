package io.ferry.collector.compare;

import io.ferry.cutover.html.ReportHtml;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;

/**
 * The most recent comparison as the collector serves it: its summary and its two rendered
 * documents.
 *
 * @param summary phase, verdict, exit code and times
 * @param json the report as written by {@link ReportJson}
 * @param html the report as rendered by {@link ReportHtml}
 */
public record LatestComparison(ComparisonSummary summary, String json, String html) {

  /** Renders both documents of a report; blocking (charts are drawn), so on a worker. */
  public static LatestComparison render(ComparisonReport report) {
    return new LatestComparison(
        ComparisonSummary.of(report), new ReportJson().write(report), ReportHtml.render(report));
  }
}
