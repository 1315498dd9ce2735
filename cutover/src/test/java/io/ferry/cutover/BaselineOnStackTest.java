package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.onNewPrimaryOnly;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;
import io.ferry.cutover.report.ReportJsonReader;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pre-cutover run, then a post-cutover run against its report after drift appeared on the new
 * side. The shared stack still has the old primary as the writer, so the post run's own phase
 * expectations fail; only the baseline family is asserted.
 */
class BaselineOnStackTest {

  private static final String DB = "cut_baseline";

  @Test
  void driftThatAppearedAfterThePreCutoverRunIsReportedAsNew() throws Exception {
    createDatabase(
        DB,
        "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(40))",
        "INSERT INTO posts SELECT seq, CONCAT('post ', seq) FROM seq_1_to_500");
    try {
      ComparisonReport pre =
          new CutoverComparison().run(StackFixture.topology(), options().build());
      assertThat(pre.tables())
          .singleElement()
          .satisfies(t -> assertThat(t.status()).isEqualTo(Status.PASS));
      ComparisonReport baseline = new ReportJsonReader().parse(new ReportJson().write(pre), "pre");

      onNewPrimaryOnly(DB, "UPDATE posts SET title = 'drift' WHERE id = 321");
      ComparisonReport post =
          new CutoverComparison()
              .run(
                  StackFixture.topology(),
                  options().phase(Phase.POST).previousReport(baseline).build());

      List<CheckResult> results =
          post.checks().stream().filter(check -> check.family() == CheckFamily.BASELINE).toList();
      assertThat(results)
          .filteredOn(check -> check.name().equals("new drift"))
          .singleElement()
          .satisfies(
              drift -> {
                assertThat(drift.status()).isEqualTo(Status.FAIL);
                assertThat(drift.evidence())
                    .singleElement()
                    .asString()
                    .startsWith(DB + ".posts: ")
                    .endsWith("(no drift before)");
              });
      assertThat(results)
          .filteredOn(check -> check.name().equals("tables still compared"))
          .extracting(CheckResult::status)
          .containsExactly(Status.PASS);
      assertThat(post.exitCode() & CheckFamily.BASELINE.bit()).isEqualTo(128);
      assertThat(post.verdict()).isEqualTo(Verdict.NO_GO);
    } finally {
      dropDatabase(DB);
    }
  }

  private static ComparisonOptions.Builder options() {
    return ComparisonOptions.builder()
        .tableFilter(new TableFilter(List.of(DB), List.of()))
        .gtidWaitTimeout(Duration.ofSeconds(5))
        .trafficWindow(Duration.ofMillis(500))
        .recheckAttempts(1);
  }
}
