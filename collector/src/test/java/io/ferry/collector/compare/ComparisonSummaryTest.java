package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;
import io.ferry.cutover.report.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonSummaryTest {

  private static final Instant STARTED = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant FINISHED = Instant.parse("2025-03-01T10:04:30.250Z");

  @Test
  void readsTheSummaryFieldsOfAReportDocument() {
    String json =
        """
        {
          "formatVersion" : 1,
          "phase" : "post",
          "startedAt" : "2025-03-01T10:00:00Z",
          "finishedAt" : "2025-03-01T10:04:30.250Z",
          "verdict" : "NO_GO",
          "exitCode" : 9,
          "oldEndpoints" : [ ],
          "newEndpoints" : [ ],
          "checks" : [ ],
          "tables" : [ ]
        }""";

    assertThat(ComparisonSummary.fromJson(json))
        .isEqualTo(new ComparisonSummary(Phase.POST, Verdict.NO_GO, 9, STARTED, FINISHED));
  }

  @Test
  void readsBackWhatReportJsonWrites() {
    ComparisonReport report =
        ComparisonReport.of(
            Phase.PRE,
            STARTED,
            FINISHED,
            List.of("old-primary (primary) ferry @ jdbc:mysql://10.0.0.1:3306/"),
            List.of("new-primary (primary) ferry @ jdbc:mysql://10.1.0.1:3306/"),
            List.of(CheckResult.couldNotFinish(CheckFamily.GRANTS, "access denied")),
            List.of());

    ComparisonSummary summary = ComparisonSummary.fromJson(new ReportJson().write(report));

    assertThat(summary).isEqualTo(ComparisonSummary.of(report));
    assertThat(summary.verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(summary.exitCode()).isEqualTo(report.exitCode()).isNotZero();
  }

  @Test
  void whatCannotBeReadIsNamed() {
    assertThatThrownBy(() -> ComparisonSummary.fromJson("<html>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON object");
    assertThatThrownBy(() -> ComparisonSummary.fromJson("{\"formatVersion\": 2}"))
        .hasMessage("formatVersion is 2, this collector reads 1");
    assertThatThrownBy(() -> ComparisonSummary.fromJson(document("\"verdict\": \"MAYBE\"")))
        .hasMessage("verdict 'MAYBE' is not a known value");
    assertThatThrownBy(() -> ComparisonSummary.fromJson(document("\"exitCode\": \"0\"")))
        .hasMessage("exitCode must be a whole number of at least 0, was 0");
    assertThatThrownBy(() -> ComparisonSummary.fromJson(document("\"finishedAt\": \"yesterday\"")))
        .hasMessage("finishedAt 'yesterday' is not an ISO-8601 instant");
    assertThatThrownBy(() -> ComparisonSummary.fromJson(document("\"phase\": null")))
        .hasMessage("phase is missing or not a string");
  }

  /** A valid document with one field replaced. */
  private static String document(String replacement) {
    String field = replacement.substring(0, replacement.indexOf(':'));
    String valid =
        "{\"formatVersion\": 1, \"phase\": \"pre\", \"verdict\": \"GO\", \"exitCode\": 0,"
            + " \"startedAt\": \"2025-03-01T10:00:00Z\", \"finishedAt\": \"2025-03-01T10:01:00Z\"}";
    return valid.replaceFirst(field + ": [^,}]+", replacement);
  }
}
