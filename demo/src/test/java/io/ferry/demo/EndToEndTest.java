package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent, pointed at the replica of the old primary, pushes through the packaged
 * collector into a real InfluxDB 1.6.7; the test reads the data back with InfluxQL.
 */
class EndToEndTest {

  private static final String HOST = "e2e-old-replica";
  private static final String DATABASE = "e2e";
  private static final Duration ARRIVAL = Duration.ofSeconds(60);

  private static MigrationStack stack;
  private static LocalInfluxDb influx;

  @TempDir Path stateDir;

  @BeforeAll
  static void startStack() {
    stack = SharedStack.get();
    influx = stack.influx();
  }

  @Test
  void replicationStateLagAndOsMetricsArriveTaggedAndAStoppedThreadIsReportedAsStopped()
      throws Exception {
    try (var ferry =
        new PackagedFerry(stateDir, jar("ferry.agent.jar"), jar("ferry.collector.jar"))) {
      String collector = ferry.startCollector(influx.url(), DATABASE);
      ferry.startAgent(
          new PackagedFerry.AgentSpec(
              HOST,
              Map.of("cluster", "old", "role", "replica"),
              stack.oldReplica().port(),
              MigrationStack.AGENT_USER,
              "1s"),
          collector,
          MigrationStack.AGENT_PASSWORD);

      String tagged = " WHERE host = '" + HOST + "' AND cluster = 'old' AND role = 'replica'";
      await()
          .atMost(ARRIVAL)
          .pollInterval(Duration.ofMillis(500))
          // The collector creates the database with its first write; until then queries fail.
          .ignoreExceptionsInstanceOf(IllegalStateException.class)
          .untilAsserted(
              () -> {
                ferry.checkAlive();
                List<Map<String, Object>> rows =
                    query(
                        "SELECT state, lag_seconds, lag_known, io_running, sql_running"
                            + " FROM mysql_replication"
                            + tagged);
                assertThat(rows)
                    .anySatisfy(
                        row -> {
                          assertThat(row).containsEntry("state", "running");
                          assertThat(row).containsEntry("lag_known", true);
                          assertThat(row).containsEntry("io_running", true);
                          assertThat(row).containsEntry("sql_running", true);
                          assertThat((Number) row.get("lag_seconds"))
                              .satisfies(
                                  lag -> assertThat(lag.doubleValue()).isGreaterThanOrEqualTo(0));
                        });
                assertThat(query("SELECT usage_idle, usage_user FROM cpu" + tagged)).isNotEmpty();
                assertThat(query("SELECT total, used FROM mem" + tagged))
                    .allSatisfy(
                        row -> assertThat(((Number) row.get("total")).longValue()).isPositive())
                    .isNotEmpty();
                assertThat(query("SELECT threads_connected, read_only FROM mysql" + tagged))
                    .anySatisfy(row -> assertThat(row).containsEntry("read_only", true));
              });

      await()
          .atMost(ARRIVAL)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(EndToEndTest::assertGrafanaPanelsFindTheData);

      // The collector's own pages show what this agent reported from the real replica.
      await()
          .atMost(ARRIVAL)
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                assertThat(page(collector, ferry.token(), "/replication"))
                    .contains(HOST)
                    .contains("running");
                assertThat(page(collector, ferry.token(), "/fleet")).contains(HOST);
              });

      stack.oldReplica().execute("STOP REPLICA SQL_THREAD");
      long stoppedAtNanos = System.currentTimeMillis() * 1_000_000L;
      try {
        await()
            .atMost(ARRIVAL)
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () -> {
                  List<Map<String, Object>> after =
                      query(
                          "SELECT state, lag_seconds, lag_known, sql_running FROM mysql_replication"
                              + tagged
                              + " AND time > "
                              + stoppedAtNanos);
                  assertThat(after).hasSizeGreaterThanOrEqualTo(2);
                  assertThat(after)
                      .allSatisfy(
                          row -> {
                            assertThat(row).containsEntry("state", "sql_stopped");
                            assertThat(row).containsEntry("sql_running", false);
                            assertThat(row).containsEntry("lag_known", false);
                            assertThat(row.get("lag_seconds")).isNull();
                          });
                  assertThat(page(collector, ferry.token(), "/replication"))
                      .contains("sql_stopped");
                });
      } finally {
        stack.oldReplica().execute("START REPLICA SQL_THREAD");
        stack.awaitReplicationCaughtUp(Duration.ofSeconds(30));
      }
    }
  }

  /**
   * Every query of the shipped Grafana dashboard, run against what the agent wrote, returns rows —
   * except those for data this test does not produce (heartbeat lag, comparison verdicts).
   */
  private static void assertGrafanaPanelsFindTheData() throws Exception {
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(Path.of(System.getProperty("ferry.grafana.dashboard")).toFile());
    int checked = 0;
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        String influxQl =
            target
                .get("query")
                .asText()
                .replace("$timeFilter", "time > now() - 1h")
                .replace("$__interval", "2s")
                // the cluster and host variables set to All, which Grafana sends as .*
                .replace("$cluster", ".*")
                .replace("$host", ".*");
        if (influxQl.contains("heartbeat_lag_seconds") || influxQl.contains("ferry_compare")) {
          continue;
        }
        assertThat(query(influxQl))
            .as("panel '%s': %s", panel.get("title").asText(), influxQl)
            .isNotEmpty();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(6);
  }

  private static List<Map<String, Object>> query(String influxQl) {
    return influx.queryRows(DATABASE, influxQl);
  }

  private static Path jar(String property) {
    String path = System.getProperty(property);
    assertThat(path).as("system property %s (set by the demo module's pom)", property).isNotNull();
    return Path.of(path);
  }

  /** A page of the collector, fetched with the token as a script or a proxy would. */
  private static String page(String collector, String token, String path) throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(collector + path))
                    .header("Authorization", "Token " + token)
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
