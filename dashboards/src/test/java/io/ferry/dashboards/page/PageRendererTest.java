package io.ferry.dashboards.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRendererTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String EVIL = "<script>alert(1)</script>";
  private final PageRenderer pages = new PageRenderer();

  private static PageFrame frame(String path, Nav nav) {
    return new PageFrame(
        "Fleet", nav, path, TimeRange.H6, Refresh.S30, "ops\"<b>", "csrf-123", NOW);
  }

  @Test
  void aTagValueWithHtmlInItIsShownEscaped() {
    var host =
        new HostRow(
            EVIL, "old\" onmouseover=\"x", null, NOW.minusSeconds(5), 12.5, null, 80.0, false);
    String html =
        pages.fleet(
            frame("/fleet", Nav.FLEET), new FleetView(List.of(host), Duration.ofMinutes(2), null));

    assertThat(html).doesNotContain(EVIL).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).doesNotContain("ops\"<b>");
    assertThat(html)
        .as("the host link percent-encodes the name")
        .contains(
            "href=\"/hosts/%3Cscript%3Ealert%281%29%3C%2Fscript%3E?range=6h&amp;refresh=30s\"");
    assertThat(html).as("a missing reading is a dash, not 0").contains("<td>—</td>");
    assertThat(html).contains("12.5 %").contains("80.0 %");
  }

  @Test
  void aValueInAnAttributeCannotCloseIt() {
    var alert =
        new AlertRow(
            "ReplicationLag", "x\" onclick=\"y", "host=\"<db2>\"", EVIL, "firing", NOW, 12.0, null);
    String html =
        pages.alerts(
            frame("/alerts", Nav.ALERTS),
            new AlertsView(true, List.of(alert), List.of(), List.of(), null, null));

    assertThat(html)
        .contains("class=\"sev-x&#34; onclick=&#34;y\"")
        .doesNotContain("sev-x\" onclick");
    assertThat(html).contains("host=\"&lt;db2&gt;\"").doesNotContain(EVIL);
  }

  @Test
  void linksKeepTheRangeAndTheRefreshAndThePageReloadsItself() {
    String html =
        pages.fleet(
            frame("/fleet", Nav.FLEET), new FleetView(List.of(), Duration.ofMinutes(2), null));

    assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"30\">");
    assertThat(html).contains("href=\"/replication?range=6h&amp;refresh=30s\"");
    assertThat(html).contains("href=\"/fleet?range=24h&amp;refresh=30s\"");
    assertThat(html).contains("<input type=\"hidden\" name=\"csrf\" value=\"csrf-123\">");
    assertThat(html).as("no inline script, so the CSP can forbid them").doesNotContain("<script");
  }

  @Test
  void silentHostsStandOut() {
    var quiet = new HostRow("db9", "new", "replica", NOW.minusSeconds(600), null, null, null, true);
    String html =
        pages.fleet(
            frame("/fleet", Nav.FLEET), new FleetView(List.of(quiet), Duration.ofMinutes(2), null));

    assertThat(html).contains("<tr class=\"silent\">").contains("10 min ago").contains("1 silent");
  }

  @Test
  void expectedHostsThatNeverReportedStandOutOnTheFleetAndTheOverview() {
    var never = HostRow.neverReported("db-new-9");
    var quiet = new HostRow("db9", "new", "replica", NOW.minusSeconds(600), null, null, null, true);
    String fleet =
        pages.fleet(
            frame("/fleet", Nav.FLEET),
            new FleetView(List.of(never, quiet), Duration.ofMinutes(2), null));

    assertThat(fleet)
        .contains("<tr class=\"silent never\">")
        .contains("never reported</span>")
        .contains("2 silent")
        .contains("1 expected by the alert inventory never reported");

    String overview =
        pages.overview(
            frame("/", Nav.OVERVIEW),
            new OverviewView(
                new ReplicationView(List.of(), List.of(), List.of(), null),
                List.of(),
                null,
                List.of(never, quiet),
                7));
    assertThat(overview).contains("db-new-9</a>: expected, never reported");
    assertThat(overview).contains("db9</a>: last report 10 min ago");
  }

  @Test
  void theCutoverPageListsStoredReportsAndTheSwitch() {
    var report =
        new StoredReportRow(
            "post",
            "NO_GO",
            NOW.minusSeconds(100),
            NOW.minusSeconds(60),
            "/cutover/reports/compare-post.html",
            "/cutover/reports/compare-post.json");
    var chart = new ChartRef("Failed comparison checks", "/charts/compare-failed.png?range=6h");
    String html =
        pages.cutover(
            frame("/cutover", Nav.CUTOVER),
            new CutoverView(
                true,
                false,
                null,
                List.of(),
                null,
                chart,
                NOW.minusSeconds(3600),
                true,
                List.of(report),
                null));

    assertThat(html)
        .contains("Switched to the new cluster by 2026-03-01 11:00:00")
        .contains("<a href=\"/cutover/reports/compare-post.html\">HTML</a>")
        .contains("<tr class=\"bad\"><td>post</td><td>NO_GO</td>");

    String before =
        pages.cutover(
            frame("/cutover", Nav.CUTOVER),
            new CutoverView(
                false, false, null, List.of(), null, chart, null, false, List.of(), null));
    assertThat(before)
        .contains("Not switched yet")
        .contains("keeps no reports (set compare.report_dir)");
  }

  @Test
  void eachSloHasItsBudgetAndBurnRateCharts() {
    var slo =
        new SloRow(
            "blog <availability>",
            0.99,
            "30 d",
            0.995,
            0.5,
            List.of(new SloRow.BurnRate("1 h", 0.5)),
            1000,
            5,
            List.of(
                new ChartRef("Error budget left", "/charts/slo-budget.png?range=6h&slo=blog"),
                new ChartRef("Burn rate per window", "/charts/slo-burn.png?range=6h&slo=blog")));
    String html = pages.slos(frame("/slos", Nav.SLOS), new SloView(List.of(slo), true));

    assertThat(html)
        .contains("<h2>blog &lt;availability&gt;</h2>")
        .contains("src=\"/charts/slo-budget.png?range=6h&amp;slo=blog\"")
        .contains("src=\"/charts/slo-burn.png?range=6h&amp;slo=blog\"");
  }

  @Test
  void theLoginFormCarriesItsCsrfToken() {
    String html = pages.login(new LoginView("/fleet", null, "login-csrf-1"));
    assertThat(html).contains("<input type=\"hidden\" name=\"csrf\" value=\"login-csrf-1\">");
  }

  @Test
  void anUnknownRangeFallsBackToTheDefault() {
    assertThat(TimeRange.parse("1y")).isEqualTo(TimeRange.DEFAULT);
    assertThat(TimeRange.parse("24h")).isEqualTo(TimeRange.H24);
    assertThat(Refresh.parse(null)).isEqualTo(Refresh.OFF);
  }

  @Test
  void durationsUseTheirLargestWholeUnit() {
    assertThat(Fmt.duration(Duration.ofMinutes(60))).isEqualTo("1 h");
    assertThat(Fmt.duration(Duration.ofMinutes(30))).isEqualTo("30 min");
    assertThat(Fmt.duration(Duration.ofDays(3))).isEqualTo("3 d");
    assertThat(Fmt.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
    assertThat(Fmt.duration(Duration.ofSeconds(601))).isEqualTo("10 min");
    assertThat(Fmt.ago(null, NOW)).isEqualTo("never");
  }
}
