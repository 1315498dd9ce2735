package io.ferry.collector.compare;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.Verdict;
import java.time.Instant;

/**
 * What a glance at a comparison needs: its phase, verdict, exit code and times.
 *
 * @param phase before or after the switch
 * @param verdict GO or NO-GO
 * @param exitCode the comparison's exit code (0 for GO)
 * @param startedAt when the comparison started
 * @param finishedAt when it finished
 */
public record ComparisonSummary(
    Phase phase, Verdict verdict, int exitCode, Instant startedAt, Instant finishedAt) {

  /** The summary of a report. */
  public static ComparisonSummary of(ComparisonReport report) {
    return new ComparisonSummary(
        report.phase(),
        report.verdict(),
        report.exitCode(),
        report.startedAt(),
        report.finishedAt());
  }
}
