package io.ferry.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.Phase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void warningsAloneAreAGo() {
    ComparisonReport report =
        report(
            List.of(
                result(CheckFamily.SCHEMA, Status.WARN), result(CheckFamily.GRANTS, Status.PASS)),
            List.of(table(Status.WARN, true)));

    assertThat(report.verdict()).isEqualTo(Verdict.GO);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void eachFailedFamilySetsItsOwnBit() {
    ComparisonReport report =
        report(
            List.of(
                result(CheckFamily.SCHEMA, Status.FAIL),
                result(CheckFamily.REPLICATION, Status.FAIL),
                result(CheckFamily.CONFIGURATION, Status.FAIL),
                result(CheckFamily.GRANTS, Status.FAIL),
                result(CheckFamily.TRAFFIC, Status.FAIL)),
            List.of(table(Status.FAIL, true)));

    assertThat(report.verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(report.exitCode()).isEqualTo(1 | 2 | 4 | 8 | 16 | 32);
  }

  @Test
  void aCheckOrTableThatCouldNotFinishSetsBit64Only() {
    ComparisonReport report =
        report(
            List.of(CheckResult.couldNotFinish(CheckFamily.GRANTS, "connection refused")),
            List.of(table(Status.FAIL, false)));

    assertThat(report.exitCode()).isEqualTo(64);
    assertThat(report.checks().get(0).summary()).contains("grants", "connection refused");
  }

  @Test
  void unknownFamilyIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> CheckFamily.ofLabel("latency"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'latency'")
        .hasMessageContaining("traffic");
  }

  @Test
  void aResultThatCouldNotFinishSetsBit64NotItsFamilysAndOnlyAFailCanBeOne() {
    assertThat(CheckResult.couldNotFinish(CheckFamily.SCHEMA, "timeout").exitBit()).isEqualTo(64);
    assertThat(CheckResult.of(CheckFamily.SCHEMA, "x", Status.FAIL, "x", List.of()).exitBit())
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                new CheckResult(CheckFamily.SCHEMA, "columns", Status.FAIL, "x", List.of(), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void driftRangeIsWrittenInIntervalNotation() {
    assertThat(new ChunkDrift(List.of(), List.of("5", "a"), 1, 1, List.of()).range())
        .isEqualTo("(start, (5, a)]");
    assertThat(
            new ChunkDrift(
                    List.of("3", "997", "03E5"), List.of("3", "1697", "06A1"), 1, 1, List.of())
                .range())
        .as("the columns of a key apart from the range's two ends")
        .isEqualTo("((3, 997, 03E5), (3, 1697, 06A1)]");
    assertThat(new ChunkDrift(List.of("9"), List.of(), 1, 1, List.of()).range())
        .isEqualTo("(9, end)");
  }

  private static ComparisonReport report(List<CheckResult> checks, List<TableDataResult> tables) {
    return ComparisonReport.of(Phase.PRE, T, T, List.of(), List.of(), checks, tables);
  }

  private static CheckResult result(CheckFamily family, Status status) {
    return CheckResult.of(family, "x", status, "x", List.of());
  }

  private static TableDataResult table(Status status, boolean finished) {
    return new TableDataResult("db", "t", status, finished, "x", 1, 1, 1, 0, List.of());
  }
}
