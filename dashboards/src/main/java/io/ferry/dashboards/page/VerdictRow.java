package io.ferry.dashboards.page;

import java.time.Instant;

/**
 * One finished comparison (measurement {@code ferry_compare}); a count not written is null.
 *
 * @param finishedAt when it finished
 * @param phase {@code pre} or {@code post}
 * @param verdict {@code GO} or {@code NO_GO}
 * @param checksFailed failed checks
 * @param checksWarned checks with a warning
 * @param tables tables compared
 * @param tablesDiffering tables whose data differ
 * @param durationSeconds how long it ran
 */
public record VerdictRow(
    Instant finishedAt,
    String phase,
    String verdict,
    Double checksFailed,
    Double checksWarned,
    Double tables,
    Double tablesDiffering,
    Double durationSeconds) {

  public boolean go() {
    return "GO".equals(verdict);
  }
}
