package io.ferry.dashboards.page;

import java.time.Instant;

/**
 * A comparison report kept in the collector's report folder ({@code compare.report_dir}): the
 * latest of its phase.
 *
 * @param phase {@code pre} or {@code post}
 * @param verdict {@code GO} or {@code NO_GO}
 * @param startedAt when the comparison started
 * @param finishedAt when it finished
 * @param htmlLink where the collector serves the HTML report
 * @param jsonLink where the collector serves the JSON document
 */
public record StoredReportRow(
    String phase,
    String verdict,
    Instant startedAt,
    Instant finishedAt,
    String htmlLink,
    String jsonLink) {

  public boolean go() {
    return "GO".equals(verdict);
  }
}
