package io.ferry.cutover.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.ColumnDifference;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.RunInfo;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void aCleanComparisonSaysGoAndEmbedsItsCharts() {
    var options = new LinkedHashMap<String, String>();
    options.put("max-lag", "5s");
    var report =
        ComparisonReport.of(
            Phase.PRE,
            START,
            START.plusSeconds(3),
            List.of("old-primary"),
            List.of("new-primary"),
            List.of(
                CheckResult.pass(CheckFamily.SCHEMA, "tables", "same tables", List.of("3 tables"))),
            List.of(table("blog", "posts", Status.PASS, 1000, 1000, List.of())),
            new RunInfo("1.0", options));

    String html = ReportHtml.render(report);

    assertThat(html).contains("<h1 class=\"go\">GO</h1>").contains("Exit code <b>0</b>");
    assertThat(html).doesNotContain("What blocks the switch");
    assertThat(html.split("src=\"data:image/png;base64,", -1))
        .as("the checks chart only: no drift chart of identical bars")
        .hasSize(2);
    assertThat(html).contains("No table drifts: 1 table, 1,000 rows on the old side.");
    assertThat(html).contains("<details><summary>Ferry ").contains("<th>max-lag</th><td>5s</td>");
    assertThat(html).doesNotContain("Replicas compared");
  }

  @Test
  void eachReplicaHasASectionWithItsPrimaryAndItsDifferingRows() {
    var drift =
        new ChunkDrift(
            List.of("10"),
            List.of("20"),
            10,
            11,
            List.of(
                new RowDifference(List.of("16"), RowDifference.Kind.ONLY_NEW),
                new RowDifference(
                    List.of("17"),
                    RowDifference.Kind.CHANGED,
                    List.of(ColumnDifference.nameOnly("total", false)))));
    var oldReplica =
        ReplicaDataResult.of(
            "old",
            "old-replica",
            "old-primary",
            List.of(table("shop", "orders", Status.FAIL, 30, 31, List.of(drift))),
            1,
            Optional.empty());
    var newReplica =
        ReplicaDataResult.of(
            "new",
            "new-replica",
            "new-primary",
            List.of(),
            1,
            Optional.of("new-replica did not apply new-primary's GTID position '1-1-9' within 2s"));
    var report =
        ComparisonReport.of(
                Phase.PRE,
                START,
                START.plusSeconds(3),
                List.of("old-primary"),
                List.of("new-primary"),
                List.of(),
                List.of(table("shop", "orders", Status.PASS, 30, 30, List.of())))
            .withReplicas(List.of(oldReplica, newReplica));

    String html = ReportHtml.render(report);

    assertThat(html).contains("Exit code <b>65</b> (data, could not finish)");
    assertThat(html)
        .contains("<li>data / replica old-replica (old cluster) vs old-primary: 1 of 1 table")
        .contains(
            "<li>data / replica new-replica (new cluster) vs new-primary: could not finish after"
                + " 0 of 1 tables: new-replica did not apply new-primary's GTID position");
    assertThat(html)
        .contains("<h2>Replicas compared with their primaries</h2>")
        .contains(
            "<h3>old-replica (old cluster) vs old-primary: <span class=\"fail\">FAIL</span></h3>")
        .contains("<th>rows primary</th><th>rows replica</th>")
        .contains("keys (10, 20]: 10 rows primary, 11 rows replica")
        .contains("<li>(16) only on the replica</li>")
        .contains("<li>(17) differs in total</li>");
    assertThat(html)
        .as("the clusters' own table keeps its old and new columns")
        .contains("<th>rows old</th><th>rows new</th>");
  }

  @Test
  void aFailedComparisonListsWhatBlocksTheSwitchWithKeyRangesAndRows() {
    var drift =
        new ChunkDrift(
            List.of("10"),
            List.of("20"),
            10,
            9,
            List.of(
                new RowDifference(List.of("12"), RowDifference.Kind.ONLY_OLD),
                new RowDifference(
                    List.of("15"),
                    RowDifference.Kind.CHANGED,
                    List.of(
                        new ColumnDifference("note", "'<b>x</b>'", "NULL", false),
                        ColumnDifference.nameOnly("api_token", true)))));
    var report =
        ComparisonReport.of(
            Phase.POST,
            START,
            START.plusSeconds(200),
            List.of("old-primary"),
            List.of("new-primary"),
            List.of(
                CheckResult.of(
                    CheckFamily.CONFIGURATION,
                    "behaviour-changing variables",
                    Status.FAIL,
                    "sql_mode differs",
                    List.of("sql_mode: old 'STRICT_TRANS_TABLES' new ''"))),
            List.of(table("shop", "orders", Status.FAIL, 30, 29, List.of(drift))));

    String html = ReportHtml.render(report);

    assertThat(html).contains("<h1 class=\"nogo\">NO-GO</h1>");
    assertThat(html).contains("Exit code <b>9</b> (data, configuration)");
    assertThat(html)
        .contains("<li>configuration / behaviour-changing variables: sql_mode differs</li>");
    assertThat(html)
        .as("families by their label in the checks table")
        .contains("<tr><td>configuration</td><td>behaviour-changing variables</td>");
    assertThat(html).contains("keys (10, 20]: 10 rows old, 9 rows new");
    assertThat(html)
        .contains("<li>(12) only on the old cluster</li>")
        .contains(
            "<li>(15) differs in note: '&lt;b&gt;x&lt;/b&gt;' -&gt; NULL;"
                + " api_token (secret, values never shown)</li>");
    assertThat(html.split("src=\"data:image/png;base64,", -1))
        .as("the checks chart and the drift per table")
        .hasSize(3);
    assertThat(html).contains("alt=\"Drift per table\"");
    assertThat(html).contains("took 3 min 20 s");
  }

  @Test
  void dataFromTheServersIsEscaped() {
    var report =
        ComparisonReport.of(
            Phase.PRE,
            START,
            START.plusSeconds(1),
            List.of("old <b>primary</b>"),
            List.of("new-primary"),
            List.of(
                CheckResult.of(
                    CheckFamily.SCHEMA,
                    "tables",
                    Status.FAIL,
                    "table <script>alert(1)</script> missing",
                    List.of("name \"x\" & 'y'"))),
            List.of(table("db", "<img src=x onerror=alert(1)>", Status.PASS, 1, 1, List.of())));

    String html = ReportHtml.render(report);

    assertThat(html)
        .doesNotContain("<script>")
        .doesNotContain("<img src=x")
        .doesNotContain("<b>primary");
    assertThat(html).contains("table &lt;script&gt;alert(1)&lt;/script&gt; missing");
    assertThat(html)
        .as("quotes need no escaping in element content, only in attributes")
        .contains("name \"x\" &amp; 'y'");
    assertThat(html).contains("old &lt;b&gt;primary&lt;/b&gt;");
  }

  @Test
  void exitBitsAreNamed() {
    assertThat(CheckFamily.namesOf(1 | 4 | 64 | 128))
        .containsExactly("data", "replication", "could not finish", "baseline");
    assertThat(CheckFamily.namesOf(0)).isEmpty();
  }

  private static TableDataResult table(
      String db, String name, Status status, long rowsOld, long rowsNew, List<ChunkDrift> drift) {
    return new TableDataResult(
        db,
        name,
        status,
        true,
        drift.isEmpty() ? "all chunks match" : "1 key range differs",
        rowsOld,
        rowsNew,
        3,
        0,
        drift);
  }
}
