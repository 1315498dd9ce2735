package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.demo.ReceivedNotification.ReceivedAlert;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts on the real stack through the packaged programs: the packaged collector with the rules
 * shipped in its tarball's {@code etc/rules}, one packaged agent per database server of the
 * migration stack, and a webhook receiver on loopback. Stopping the old replica's SQL thread pages
 * once for that host, a graceful collector restart while the alert fires sends no second page, and
 * starting the thread again sends the resolve.
 *
 * <p>The shipped {@code ReplicationStopped} rule is used as shipped, {@code for: 1m} included, so
 * the test takes about a minute and a half: a test-only rule with a shorter {@code for} would not
 * show that the rule operators get pages for this fault.
 */
class ReplicationAlertEndToEndTest {

  private static final String DATABASE = "alerts_e2e";
  private static final String RULE = "ReplicationStopped";
  private static final String STOPPED_HOST = "old-replica";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The rule's {@code for} (1 minute) from the first stopped point, plus ample slack. */
  private static final Duration PAGE = Duration.ofMinutes(2);

  /** Bound on everything else: data arriving, a restart, a resolve. */
  private static final Duration SHORT = Duration.ofSeconds(60);

  /**
   * How long no second page may arrive after the restarted collector shows the alert firing again:
   * longer than the group wait (1 s) plus two group intervals (2 s each), the latest a duplicate
   * would be sent.
   */
  private static final Duration NO_SECOND_PAGE = Duration.ofSeconds(6);

  @TempDir Path stateDir;

  @Test
  void aStoppedSqlThreadPagesOnceAcrossACollectorRestartAndResolvesWhenStartedAgain()
      throws Exception {
    MigrationStack stack = SharedStack.get();
    LocalInfluxDb influx = stack.influx();
    String webhookToken = PackagedFerry.randomToken();
    Path rules =
        new CollectorTarball(Path.of(property("ferry.collector.tarball")))
            .unpackRules(stateDir.resolve("dist"));
    boolean started = false;
    try (var receiver = WebhookReceiver.start(webhookToken);
        var ferry =
            new PackagedFerry(
                stateDir.resolve("ferry"),
                Path.of(property("ferry.agent.jar")),
                Path.of(property("ferry.collector.jar")))) {
      String collector =
          ferry.startCollector(
              influx.url(),
              DATABASE,
              new PackagedFerry.AlertsSpec(
                  rules, receiver.url(), webhookToken, "200ms", "1s", "2s"));
      List<DemoHost> hosts = DemoHost.of(stack);
      for (DemoHost host : hosts) {
        ferry.startAgent(
            new PackagedFerry.AgentSpec(
                host.name(),
                Map.of("cluster", host.cluster(), "role", host.role()),
                host.server().port(),
                MigrationStack.AGENT_USER,
                "1s"),
            collector,
            MigrationStack.AGENT_PASSWORD);
      }
      await("every host's replication running in InfluxDB")
          .atMost(SHORT)
          .pollInterval(Duration.ofMillis(500))
          // The collector creates the database with its first write; until then queries fail.
          .ignoreExceptionsInstanceOf(IllegalStateException.class)
          .untilAsserted(
              () -> {
                ferry.checkAlive();
                assertThat(
                        influx.queryRows(
                            DATABASE,
                            "SELECT last(state) AS state FROM mysql_replication GROUP BY host"))
                    .extracting(row -> row.get("host"))
                    .containsExactlyInAnyOrderElementsOf(
                        hosts.stream().map(DemoHost::name).toList());
              });

      stack.oldReplica().execute("STOP REPLICA SQL_THREAD");
      try {
        assertThat(receiver.await(n -> n.concerns("firing", RULE, STOPPED_HOST), PAGE))
            .as(
                () ->
                    "a page for "
                        + RULE
                        + " on "
                        + STOPPED_HOST
                        + " within "
                        + PAGE
                        + "; the collector's log ends with:\n"
                        + ferry.collectorLogTail(30))
            .isTrue();
        ReceivedNotification page = receiver.received().get(0);
        assertThat(page.status()).isEqualTo("firing");
        assertThat(page.alerts())
            .singleElement()
            .satisfies(
                alert -> {
                  assertThat(alert.labels())
                      .containsEntry("alertname", RULE)
                      .containsEntry("host", STOPPED_HOST)
                      .containsEntry("severity", "page")
                      .containsEntry("cluster", "old")
                      .containsEntry("role", "replica");
                  assertThat(alert.annotations().get("summary"))
                      .contains(STOPPED_HOST)
                      .endsWith("is sql_stopped");
                });
        String firingSince = firingSince(collector, ferry.token()).orElseThrow();
        // A page whose delivery is still in flight when the collector stops is not in the saved
        // notification log, and is sent again after the restart (at least once, by design). The
        // restart this test is about comes after the page was delivered and recorded: the state
        // file, rewritten every 10 s, shows that.
        await("the page recorded in the collector's saved notification log")
            .atMost(SHORT)
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptions()
            .until(() -> recordedAsFiring(ferry.alertStateFile()));

        Instant stopAsked = Instant.now();
        ferry.stopCollector();
        JsonNode saved = JSON.readTree(ferry.alertStateFile().toFile());
        assertThat(Instant.parse(saved.path("engine").path("savedAt").asText()))
            .as("the state saved at the graceful stop")
            .isAfterOrEqualTo(stopAsked);
        String savedLog = saved.findValues("notificationLog").toString();
        ferry.startCollectorAgain();
        long restartedAtNanos = System.currentTimeMillis() * 1_000_000L;
        await("the restarted collector has the alert firing since the same time")
            .atMost(SHORT)
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(
                () ->
                    assertThat(firingSince(collector, ferry.token()))
                        .as("a restored alert, not a new pending one")
                        .contains(firingSince));
        await("a point of the still stopped thread through the restarted collector")
            .atMost(SHORT)
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(
                () ->
                    assertThat(
                            influx.queryRows(
                                DATABASE,
                                "SELECT state FROM mysql_replication WHERE host = '"
                                    + STOPPED_HOST
                                    + "' AND time > "
                                    + restartedAtNanos))
                        .isNotEmpty()
                        .allSatisfy(row -> assertThat(row).containsEntry("state", "sql_stopped")));
        try {
          await("no second page after the restart")
              .during(NO_SECOND_PAGE)
              .atMost(NO_SECOND_PAGE.multipliedBy(2))
              .until(() -> receiver.received().size() == 1);
        } catch (ConditionTimeoutException e) {
          throw new AssertionError(
              "a second notification after the restart: "
                  + receiver.received().stream().flatMap(n -> n.lines().stream()).toList()
                  + "; the notification log saved at the stop: "
                  + savedLog,
              e);
        }

        stack.oldReplica().execute("START REPLICA SQL_THREAD");
        started = true;
        assertThat(receiver.await(n -> n.concerns("resolved", RULE, STOPPED_HOST), SHORT))
            .as(
                () ->
                    "the resolve for "
                        + RULE
                        + " on "
                        + STOPPED_HOST
                        + "; the collector's log ends with:\n"
                        + ferry.collectorLogTail(30))
            .isTrue();
      } finally {
        if (!started) {
          stack.oldReplica().execute("START REPLICA SQL_THREAD");
        }
      }

      assertThat(receiver.received())
          .as("exactly one page and one resolve, for no other host or rule")
          .extracting(ReceivedNotification::status)
          .containsExactly("firing", "resolved");
      assertThat(receiver.received())
          .flatExtracting(ReceivedNotification::alerts)
          .allSatisfy(
              alert -> {
                assertThat(alert.label("alertname")).isEqualTo(RULE);
                assertThat(alert.label("host")).isEqualTo(STOPPED_HOST);
              })
          .extracting(ReceivedAlert::status)
          .containsExactly("firing", "resolved");
      assertThat(receiver.refused()).as("requests refused by the receiver").isZero();
    } finally {
      stack.awaitReplicationCaughtUp(Duration.ofSeconds(30));
    }
  }

  /**
   * When the collector's API says {@value #RULE} on the stopped host started firing, if it does.
   */
  private static Optional<String> firingSince(String collector, String token) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(collector + "/api/v1/alerts"))
                    .header("Authorization", "Token " + token)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode alerts = JSON.readTree(response.body()).path("alerts");
    return StreamSupport.stream(alerts.spliterator(), false)
        .filter(a -> RULE.equals(a.path("labels").path("alertname").asText()))
        .filter(a -> STOPPED_HOST.equals(a.path("labels").path("host").asText()))
        .filter(a -> "firing".equals(a.path("status").asText()))
        .map(a -> a.path("firingSince").asText())
        .findFirst();
  }

  /** Whether the saved notification log says the webhook was told the alert fires. */
  private static boolean recordedAsFiring(Path stateFile) throws Exception {
    for (JsonNode log : JSON.readTree(stateFile.toFile()).findValues("notificationLog")) {
      for (JsonNode entry : log) {
        for (JsonNode firing : entry.path("firing")) {
          String labels = firing.asText();
          if (labels.contains("alertname=\"" + RULE + "\"")
              && labels.contains("host=\"" + STOPPED_HOST + "\"")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (set by the demo module's pom)", name).isNotNull();
    return value;
  }
}
