package io.ferry.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.dashboards.chart.TimeSeries;
import io.ferry.dashboards.page.HostRow;
import io.ferry.dashboards.page.ReplicationLink;
import io.ferry.dashboards.page.ReplicationNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure readers behind the pages, on InfluxDB 1.6 answers recorded as fixtures. */
class InfluxReadersTest {

  @Test
  void aStoppedLinkHasNoLagEvenWhenAnOlderPointHadOne() throws IOException {
    var results = InfluxQueryResponse.parse(fixture("replication-query.json"), 2);
    List<ReplicationNode> nodes = ReplicationQueries.nodes(results);
    List<ReplicationLink> links = ReplicationQueries.links(results, nodes);

    assertThat(nodes).extracting(ReplicationNode::host).containsExactly("db3", "db1");
    assertThat(nodes.get(0).gtidPosition())
        .as("MySQL's gtid_executed when there is no MariaDB position")
        .isEqualTo("3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5");
    assertThat(nodes.get(1).readOnly()).isFalse();

    ReplicationLink stopped = links.get(1);
    assertThat(stopped.replica()).isEqualTo("db3");
    assertThat(stopped.direction()).isEqualTo("old → new");
    assertThat(stopped.lagSeconds()).as("lag_known=false: unknown, not 42").isNull();
    assertThat(stopped.heartbeatLagSeconds()).isEqualTo(7.5);
    assertThat(stopped.lastError()).isEqualTo("Error 'Duplicate entry' on query");

    ReplicationLink running = links.get(0);
    assertThat(running.direction()).as("source not a known host").isEqualTo("? → ?");
    assertThat(running.lagSeconds()).isEqualTo(1.5);
    assertThat(running.lastError()).as("an old error of a running link is not shown").isNull();
  }

  @Test
  void hostsTakeTheirNewestPointAndTheFullestDisk() {
    long now = Instant.parse("2026-03-01T12:00:00Z").toEpochMilli();
    String json =
        """
        {"results":[
         {"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a","cluster":"old","role":""},
           "columns":["time","idle"],"values":[[%d,80]]}]},
         {"statement_id":1,"series":[{"name":"mem","tags":{"host":"a","cluster":"old","role":""},
           "columns":["time","used"],"values":[[%d,50.5]]}]},
         {"statement_id":2,"series":[
           {"name":"disk","tags":{"host":"a","path":"/"},"columns":["time","used"],"values":[[%d,40]]},
           {"name":"disk","tags":{"host":"a","path":"/var"},"columns":["time","used"],"values":[[%d,91]]},
           {"name":"disk","tags":{"host":"b","path":"/"},"columns":["time","used"],"values":[[%d,10]]}]},
         {"statement_id":3}
        ]}
        """
            .formatted(now - 5_000, now - 3_000, now - 4_000, now - 4_000, now - 600_000);
    List<HostRow> hosts =
        FleetQueries.hosts(
            InfluxQueryResponse.parse(json, 4),
            Instant.ofEpochMilli(now),
            Duration.ofMinutes(2),
            Set.of("a", "c"));

    assertThat(hosts)
        .as("the expected host that never reported first, then the silent one")
        .extracting(HostRow::host)
        .containsExactly("c", "b", "a");
    HostRow c = hosts.get(0);
    assertThat(c.neverReported()).isTrue();
    assertThat(c.silent()).isTrue();
    assertThat(c.lastReport()).isNull();
    assertThat(hosts.get(1).neverReported()).as("reported, then stopped").isFalse();
    hosts = hosts.subList(1, 3);
    HostRow a = hosts.get(1);
    assertThat(a.neverReported()).as("expected and reporting").isFalse();
    assertThat(a.cpuPercent()).isEqualTo(20.0);
    assertThat(a.memPercent()).isEqualTo(50.5);
    assertThat(a.diskPercent()).isEqualTo(91.0);
    assertThat(a.lastReport()).isEqualTo(Instant.ofEpochMilli(now - 3_000));
    assertThat(a.silent()).isFalse();
    assertThat(a.role()).as("an empty tag is absent").isNull();
    HostRow b = hosts.get(0);
    assertThat(b.silent()).isTrue();
    assertThat(b.cpuPercent()).as("not reported: missing, not 0").isNull();
  }

  @Test
  void hostsTheIndexKnowsButThatSentNothingRecentlyAreLookedUpByName() {
    String json =
        """
        {"results":[
         {"statement_id":0,"series":[{"name":"cpu","tags":{"host":"a","cluster":"","role":""},
           "columns":["time","idle"],"values":[[1000,80]]}]},
         {"statement_id":1},
         {"statement_id":2},
         {"statement_id":3,"series":[{"name":"system","tags":{"host":"b","cluster":"","role":""},
           "columns":["time","uptime"],"values":[[1000,5]]}]},
         {"statement_id":4,"series":[{"name":"system","columns":["key","value"],
           "values":[["host","a"],["host","b"],["host","it's"]]}]}
        ]}
        """;
    var quiet = FleetQueries.quietHosts(InfluxQueryResponse.parse(json, 5), Set.of("a", "new-9"));

    assertThat(quiet)
        .as("an expected host the index does not know is looked up too")
        .containsExactly("it's", "new-9");
    quiet = FleetQueries.quietHosts(InfluxQueryResponse.parse(json, 5), Set.of());
    assertThat(quiet).containsExactly("it's");
    assertThat(FleetQueries.lastSeen(quiet))
        .isEqualTo(
            "SELECT last(uptime) AS uptime FROM system WHERE time > now() - 24h"
                + " AND (host = 'it\\'s') GROUP BY host, cluster, role");
  }

  @Test
  void aChartWithSeveralColumnsDrawsOneLinePerColumnNamedByItsWindow() {
    String json =
        """
        {"results":[{"statement_id":0,"series":[{"name":"ferry_slo",
          "columns":["time","max_burn_rate_1h","max_burn_rate_5m"],
          "values":[[1000,0.5,null],[2000,0.7,14.4]]}]}]}
        """;
    var lines = ChartService.series(InfluxQueryResponse.parse(json, 1).get(0));

    assertThat(lines)
        .as("shortest window first")
        .extracting(TimeSeries::name)
        .containsExactly("5m", "1h");
    assertThat(lines.get(1).points()).hasSize(2);
    assertThat(lines.get(0).points())
        .as("a window without events is missing, not 0")
        .extracting(TimeSeries.Point::value)
        .containsExactly(14.4);
    assertThat(ChartService.windowOf("max_burn_rate_3d")).isEqualTo(Duration.ofDays(3));
    assertThat(ChartService.windowOf("max_burn_rate_30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(ChartService.windowOf("value")).isEqualTo(Duration.ZERO);
    assertThat(ChartKind.SLO_BURN.statement(io.ferry.dashboards.page.TimeRange.H6, "blog"))
        .isEqualTo(
            "SELECT max(/^burn_rate_/) FROM ferry_slo WHERE time > now() - 6h"
                + " AND slo = 'blog' GROUP BY time(3m) fill(none)");
  }

  @Test
  void theSwitchIsTheFirstPostComparison() {
    String json =
        """
        {"results":[{"statement_id":0,"series":[{"name":"ferry_compare",
          "columns":["time","exit_code"],"values":[[1764000000000,0]]}]}]}
        """;
    assertThat(HistoryQueries.switchTime(InfluxQueryResponse.parse(json, 1).get(0)))
        .hasValue(Instant.ofEpochMilli(1_764_000_000_000L));
    assertThat(
            HistoryQueries.switchTime(
                InfluxQueryResponse.parse("{\"results\":[{\"statement_id\":0}]}", 1).get(0)))
        .as("before the first post comparison")
        .isEmpty();
  }

  @Test
  void onlyTheStoredReportsNamesAreServed() {
    assertThat(StoredReports.Document.named("compare-post.json"))
        .hasValue(
            new StoredReports.Document(io.ferry.cutover.Phase.POST, StoredReports.Format.JSON));
    assertThat(StoredReports.Document.named("compare-pre.html")).isPresent();
    assertThat(StoredReports.Document.named("../collector.yml")).isEmpty();
    assertThat(StoredReports.Document.named("compare-pre.json.tmp")).isEmpty();
  }

  @Test
  void aRefusedStatementFailsWithInfluxDbsMessage() {
    assertThatThrownBy(
            () ->
                InfluxQueryResponse.parse(
                    "{\"results\":[{\"statement_id\":0,\"error\":\"undefined function lst()\"}]}",
                    1))
        .hasMessage("InfluxDB refused statement 1: undefined function lst()");
    assertThatThrownBy(() -> InfluxQueryResponse.parse("{\"results\":[]}", 2))
        .hasMessageContaining("0 results for 2 statements");
  }

  @Test
  void aHostNameCannotChangeAQuery() {
    assertThat(InfluxQl.string("db1' OR host =~ /.*/ OR host = '\\"))
        .isEqualTo("'db1\\' OR host =~ /.*/ OR host = \\'\\\\'");
    assertThat(ChartKind.HOST_CPU.statement(io.ferry.dashboards.page.TimeRange.H1, "it's"))
        .isEqualTo(
            "SELECT 100 - mean(usage_idle) AS value FROM cpu WHERE time > now() - 1h"
                + " AND host = 'it\\'s' AND cpu = 'cpu-total' GROUP BY time(30s) fill(none)");
  }

  @Test
  void theLoginFormOnlySendsToPathsOnThisServer() {
    assertThat(PageLogin.safeNext("/fleet?range=6h")).isEqualTo("/fleet?range=6h");
    assertThat(PageLogin.safeNext("https://evil.example/")).isEqualTo("/");
    assertThat(PageLogin.safeNext("//evil.example/")).isEqualTo("/");
    assertThat(PageLogin.safeNext("/\\evil.example/")).isEqualTo("/");
    assertThat(PageLogin.safeNext(null)).isEqualTo("/");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = InfluxReadersTest.class.getResourceAsStream("/web/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
