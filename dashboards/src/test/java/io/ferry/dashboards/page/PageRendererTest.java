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
