package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviousReportCheckTest {

  private static final Instant PRE_START = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant PRE_END = Instant.parse("2026-05-01T08:10:00Z");
  private static final Instant POST_START = Instant.parse("2026-05-02T09:00:00Z");

  private final PreviousReportCheck check = new PreviousReportCheck(0.25, Duration.ofDays(7));

  @Test
  void anUnchangedPictureIsAllPass() {
    ComparisonReport before =
        pre(List.of(check(CheckFamily.SCHEMA, "columns", Status.PASS)), List.of(table("t", 100)));
    ComparisonReport after =
        post(List.of(check(CheckFamily.SCHEMA, "columns", Status.PASS)), List.of(table("t", 110)));

    List<CheckResult> results = check.compare(before, after);

    assertThat(results)
        .extracting(CheckResult::name)
        .containsExactly(
            "pre-cutover verdict",
            "pre-cutover report age",
            "regressions",
            "tables still compared",
            "row counts",
            "new drift");
    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.PASS));
    assertThat(results).allSatisfy(r -> assertThat(r.family()).isEqualTo(CheckFamily.BASELINE));
    assertThat(result(results, "pre-cutover report age").summary())
        .isEqualTo("the pre-cutover report is 1 day 0 h old");
  }

  @Test
  void aCheckThatPassedBeforeAndFailsNowIsARegression() {
    ComparisonReport before =
        pre(
            List.of(
                check(CheckFamily.REPLICATION, "replica threads", Status.PASS),
                check(CheckFamily.GRANTS, "accounts", Status.WARN)),
            List.of());
    ComparisonReport after =
        post(
            List.of(
                check(CheckFamily.REPLICATION, "replica threads", Status.PASS),
                check(CheckFamily.REPLICATION, "replica threads", Status.FAIL),
                check(CheckFamily.GRANTS, "accounts", Status.FAIL),
                check(CheckFamily.TRAFFIC, "traffic moved", Status.FAIL)),
            List.of());

    CheckResult regressions = result(check.compare(before, after), "regressions");

    assertThat(regressions.status()).isEqualTo(Status.FAIL);
    assertThat(regressions.evidence())
        .containsExactly("replication / replica threads: PASS before the switch, FAIL now");
    assertThat(regressions.exitBit()).isEqualTo(128);
  }

  @Test
  void aCheckOrTableThatFailedBeforeAndPassesNowIsListedAsFixed() {
    ComparisonReport before =
        pre(
            List.of(check(CheckFamily.CONFIGURATION, "sql_mode", Status.FAIL)),
            List.of(drifting("orders", 50)));
    ComparisonReport after =
        post(
            List.of(check(CheckFamily.CONFIGURATION, "sql_mode", Status.PASS)),
            List.of(table("orders", 50)));

    CheckResult fixed = result(check.compare(before, after), "fixed since pre-cutover");

    assertThat(fixed.status()).isEqualTo(Status.PASS);
    assertThat(fixed.evidence())
        .containsExactly(
            "configuration / sql_mode: FAIL before the switch, PASS now",
            "data / shop.orders: drift before the switch, none now");
  }

  @Test
  void aTableComparedBeforeAndNotNowFails() {
    ComparisonReport before = pre(List.of(), List.of(table("orders", 10), table("carts", 3)));
    ComparisonReport after = post(List.of(), List.of(table("orders", 10)));

    CheckResult missing = result(check.compare(before, after), "tables still compared");

    assertThat(missing.status()).isEqualTo(Status.FAIL);
    assertThat(missing.evidence())
        .containsExactly(
            "shop.carts: compared before the switch (3 rows), not now (dropped, renamed, or left"
                + " out by the table filter)");
  }

  @Test
  void missingTablesOnlyWarnWhenTheDataComparisonDidNotFinish() {
    ComparisonReport before = pre(List.of(), List.of(table("orders", 10)));
    ComparisonReport after =
        post(List.of(CheckResult.couldNotFinish(CheckFamily.DATA, "connection lost")), List.of());

    CheckResult missing = result(check.compare(before, after), "tables still compared");

    assertThat(missing.status()).isEqualTo(Status.WARN);
    assertThat(missing.summary()).endsWith("(the data comparison did not finish this time)");
  }

  @Test
  void aRowCountThatMovedMoreThanTheAllowedFractionWarns() {
    ComparisonReport before =
        pre(List.of(), List.of(table("orders", 1000), table("users", 1000), table("empty", 0)));
    ComparisonReport after =
        post(List.of(), List.of(table("orders", 1250), table("users", 600), table("empty", 0)));

    CheckResult rows = result(check.compare(before, after), "row counts");

    assertThat(rows.status()).isEqualTo(Status.WARN);
    assertThat(rows.evidence())
        .containsExactly(
            "shop.users: 1000 rows before the switch (old side), 600 now (new side): -40%");
  }

  @Test
  void driftNowThatWasNotThereBeforeFails() {
    ComparisonReport before = pre(List.of(), List.of(table("orders", 10), drifting("known", 10)));
    ComparisonReport after =
        post(
            List.of(),
            List.of(drifting("orders", 10), drifting("known", 10), drifting("fresh", 10)));

    CheckResult drift = result(check.compare(before, after), "new drift");

    assertThat(drift.status()).isEqualTo(Status.FAIL);
    assertThat(drift.evidence())
        .containsExactly(
            "shop.orders: 1 key ranges differ (no drift before)",
            "shop.fresh: 1 key ranges differ (not compared before the switch)");
  }

  @Test
  void aSwitchOnANoGoWarnsAndListsWhatFailedThen() {
    ComparisonReport before =
        pre(List.of(check(CheckFamily.SCHEMA, "columns", Status.FAIL)), List.of());
    ComparisonReport after =
        post(List.of(check(CheckFamily.SCHEMA, "columns", Status.FAIL)), List.of());

    CheckResult verdict = result(check.compare(before, after), "pre-cutover verdict");

    assertThat(verdict.status()).isEqualTo(Status.WARN);
    assertThat(verdict.summary()).isEqualTo("the switch happened on a NO-GO (pre-cutover exit 2)");
    assertThat(verdict.evidence()).contains("failed then: schema / columns: columns is FAIL");
  }

  @Test
  void aStalePreviousReportWarns() {
    PreviousReportCheck strict = new PreviousReportCheck(0.25, Duration.ofHours(12));

    CheckResult age =
        result(
            strict.compare(pre(List.of(), List.of()), post(List.of(), List.of())),
            "pre-cutover report age");

    assertThat(age.status()).isEqualTo(Status.WARN);
    assertThat(age.summary())
        .isEqualTo(
            "the pre-cutover report is 1 day 0 h old (more than 12 h 0 min): compare with a fresher"
                + " one");
  }

  @Test
  void onlyAPreCutoverReportIsABaseline() {
    ComparisonReport post = post(List.of(), List.of());

    assertThatThrownBy(() -> check.compare(post, post))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pre-cutover");
  }

  private static ComparisonReport pre(List<CheckResult> checks, List<TableDataResult> tables) {
    return ComparisonReport.of(Phase.PRE, PRE_START, PRE_END, List.of(), List.of(), checks, tables);
  }

  private static ComparisonReport post(List<CheckResult> checks, List<TableDataResult> tables) {
    return ComparisonReport.of(
        Phase.POST, POST_START, POST_START.plusSeconds(60), List.of(), List.of(), checks, tables);
  }

  private static CheckResult check(CheckFamily family, String name, Status status) {
    return CheckResult.of(family, name, status, name + " is " + status, List.of());
  }

  private static TableDataResult table(String name, long rows) {
    return new TableDataResult(
        "shop", name, Status.PASS, true, "same", rows, rows, 1, 0, List.of());
  }

  private static TableDataResult drifting(String name, long rows) {
    ChunkDrift chunk = new ChunkDrift(List.of(), List.of(), rows, rows, List.of());
    return new TableDataResult(
        "shop", name, Status.FAIL, true, "1 key ranges differ", rows, rows, 1, 0, List.of(chunk));
  }

  private static CheckResult result(List<CheckResult> results, String name) {
    return results.stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result named " + name + " in " + results));
  }
}
