package io.ferry.collector.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.collector.alerting.WebhookReceiver;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors as child JVMs joined with Vert.x clustering on Hazelcast (TCP join on loopback), a
 * real InfluxDB and a real webhook receiver; the test JVM joins the cluster too, to read the alert
 * state the evaluator publishes. One series' points go to both collectors, and the evaluator is
 * killed with {@code kill -9} while its alert fires.
 */
class ClusterFailoverTest {

  private static final String TOKEN = "cluster-test-token";
  private static final String SECRET = "a-secret-every-member-shares";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalInfluxDb influx;
  private static WebhookReceiver webhook;

  @BeforeAll
  static void start() throws IOException {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    webhook = WebhookReceiver.start();
    Files.writeString(
        dir.resolve("rules.yml"),
        """
        rules:
          - name: RoomTooWarm
            severity: page
            measurement: room
            threshold: {field: celsius, aggregate: avg, window: 10m, above: 50, clear: 40}
            for: 0s
            summary: "Room {{room}} averages {{value}} degrees"
        """);
  }

  @AfterAll
  static void stop() throws IOException {
    // The collectors' logs stay with the build's other test output, for a failure's reader.
    Path kept = Files.createDirectories(Path.of("target", "cluster-failover"));
    for (String n : List.of("a", "b")) {
      if (Files.exists(dir.resolve(n + ".log"))) {
        Files.copy(
            dir.resolve(n + ".log"),
            kept.resolve(n + ".log"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    webhook.close();
    influx.close();
  }

  @Test
  void oneEvaluatorSeesEveryCollectorsPointsAndItsSuccessorNeitherRepeatsNorLosesThePage()
      throws Exception {
    int portA = freePort();
    int portB = freePort();
    int portObserver = freePort();
    List<ClusterAddress> members =
        List.of(new ClusterAddress("127.0.0.1", portA), new ClusterAddress("127.0.0.1", portB));
    try (CollectorProcess a = collector("a", portA, portB);
        CollectorProcess b = collector("b", portB, portA)) {
      await("a leads", a::leads);
      Vertx observer =
          CollectorVertx.start(Optional.of(config(portObserver, members, SECRET)))
              .await(60, TimeUnit.SECONDS);
      try {
        // 20 alone stays below 50 and 100 alone would page with 100: only the two together
        // average 60.
        assertThat(a.write("room,room=r1 celsius=20")).isEqualTo(204);
        assertThat(b.write("room,room=r1 celsius=100")).isEqualTo(204);
        JsonNode page = webhook.taken().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(page).as("the page").isNotNull();
        assertThat(page.path("status").asText()).isEqualTo("firing");
        assertThat(page.path("alerts").get(0).path("annotations").path("summary").asText())
            .isEqualTo("Room r1 averages 60 degrees");

        // The evaluator published the firing alert and the notification it sent.
        await(
            "the published state holds the firing alert and its notification",
            () ->
                publishedState(observer).map(ClusterFailoverTest::firingAndNotified).orElse(false));
        assertThat(b.leads()).isFalse();
        // b's alert API answers with the leader's alerts, and a silence posted to b reaches it.
        assertThat(alertValue(b)).contains(60.0);
        String silence =
            b.post(
                "/api/v1/silences",
                "{\"matchers\":[\"room=\\\"r9\\\"\"],\"duration\":\"1h\",\"createdBy\":\"ann\","
                    + "\"comment\":\"repainting\"}");
        String silenceId = JSON.readTree(silence).path("id").asText();
        assertThat(silenceId).isNotEmpty();
        await(
            "the published state holds the silence",
            () ->
                publishedState(observer).map(s -> s.toString().contains(silenceId)).orElse(false));

        a.kill();
        // Accepted while nobody evaluates: b holds the point until an evaluator acknowledges it.
        assertThat(b.write("room,room=r1 celsius=80")).isEqualTo(204);
        await("b takes over", b::leads);
        assertThat(b.write("room,room=r1 celsius=30")).isEqualTo(204);
        // 55 is the average of 80 and 30: the point sent during the take-over was evaluated.
        await("b's alert firing at 55", () -> alertValue(b).equals(Optional.of(55.0)));

        // (80 + 30 + 0) / 3 is below the clear value 40.
        assertThat(b.write("room,room=r1 celsius=0")).isEqualTo(204);
        JsonNode next = webhook.taken().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(next).as("the notification after the take-over").isNotNull();
        assertThat(next.path("status").asText())
            .as("no second page after the take-over, and the resolve still arrives")
            .isEqualTo("resolved");
        assertThat(b.output()).contains("state taken over from the cluster: 1 alerts");
        assertThat(b.get("/api/v1/silences").orElseThrow()).contains(silenceId);
      } finally {
        observer.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aNodeWithoutTheSecretFormsNoClusterWithTheOthers() throws Exception {
    int portA = freePort();
    int portB = freePort();
    List<ClusterAddress> members =
        List.of(new ClusterAddress("127.0.0.1", portA), new ClusterAddress("127.0.0.1", portB));
    var withSecret =
        new HazelcastClusterManager(HazelcastSettings.of(config(portA, members, SECRET)));
    var stray =
        new HazelcastClusterManager(
            HazelcastSettings.of(config(portB, members, "not-the-secret-of-the-others")));
    Vertx first = Vertx.builder().withClusterManager(withSecret).buildClustered().await();
    try {
      Vertx second = Vertx.builder().withClusterManager(stray).buildClustered().await();
      try {
        assertThat(stray.getNodes()).hasSize(1);
        assertThat(withSecret.getNodes()).hasSize(1);
      } finally {
        second.close().await(30, TimeUnit.SECONDS);
      }
    } finally {
      first.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static boolean firingAndNotified(JsonNode state) {
    boolean firing = false;
    for (JsonNode alert : state.path("engine").path("alerts")) {
      firing |= "FIRING".equalsIgnoreCase(alert.path("status").asText());
    }
    boolean notified = false;
    for (JsonNode entry : state.path("dispatch").path("notificationLog")) {
      notified |= !entry.path("firing").isEmpty();
    }
    return firing && notified;
  }

  private static Optional<JsonNode> publishedState(Vertx observer) throws IOException {
    String state =
        observer
            .sharedData()
            .<String, String>getAsyncMap(ClusterAlertStateReplica.MAP)
            .compose(map -> map.get("state"))
            .await();
    return state == null ? Optional.empty() : Optional.of(JSON.readTree(state));
  }

  private static Optional<Double> alertValue(CollectorProcess collector) throws Exception {
    Optional<String> body = collector.get("/api/v1/alerts");
    if (body.isEmpty()) {
      return Optional.empty();
    }
    JsonNode alerts = JSON.readTree(body.get()).path("alerts");
    if (alerts.size() != 1 || !"firing".equals(alerts.get(0).path("status").asText())) {
      return Optional.empty();
    }
    return Optional.of(alerts.get(0).path("value").asDouble());
  }

  private static CollectorProcess collector(String name, int port, int otherPort)
      throws IOException {
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: %s}
        influxdb: {url: %s, database: cluster_test, api: v1}
        alerts:
          rule_files: [rules.yml]
          evaluation_interval: 100ms
          state_file: state-%s.json
          receivers:
            - name: oncall
              webhook: {url: "%s"}
          route:
            receiver: oncall
            group_by: [alertname, room]
            group_wait: 100ms
            group_interval: 1s
            repeat_interval: 1h
        cluster:
          member: 127.0.0.1:%d
          members: [127.0.0.1:%d, 127.0.0.1:%d]
          secret: %s
          event_bus_port: 0
          heartbeat_interval: 1s
          failure_timeout: 3s
        """
            .formatted(
                TOKEN, influx.url(), name, webhook.url("/hook"), port, port, otherPort, SECRET);
    Path config = dir.resolve(name + ".yml");
    Files.writeString(config, yaml);
    return CollectorProcess.start(name, config, dir.resolve(name + ".log"), TOKEN);
  }

  private static ClusteringConfig config(int port, List<ClusterAddress> members, String secret) {
    return new ClusteringConfig(
        new ClusterAddress("127.0.0.1", port),
        members,
        ClusteringConfig.DEFAULT_NAME,
        secret,
        0,
        Duration.ofSeconds(1),
        Duration.ofSeconds(3),
        ClusteringConfig.DEFAULT_MERGE_INTERVAL,
        ClusteringConfig.DEFAULT_FORWARD_BUFFER);
  }

  private static void await(String what, java.util.concurrent.Callable<Boolean> condition) {
    Awaitility.await(what)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(condition);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
