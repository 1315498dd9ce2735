package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.PrometheusSamples;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accept decision of a push, with a real collector in front of a real InfluxDB 1.6.7: a push is
 * taken only when the alert engine's queue ({@code alerts.max_queued_points}) and the InfluxDB
 * writer ({@code influxdb.max_pending_points}) both have room for it; otherwise it is answered 503
 * with {@code Retry-After} and neither keeps anything of it, however often it is sent again.
 *
 * <p>"The engine is busy" is its one worker thread held by a task of the test (the worker pool is
 * shared by name), as a long evaluation would hold it; "InfluxDB is slow" is a relay that holds
 * writes until the test lets them through.
 */
class AlertQueueBoundTest {

  private static final String TOKEN = "queue-bound-token";
  private static final String DATABASE = "queued";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private LocalInfluxDb influx;
  private WriteGate gate;
  private HttpServer receiver;
  private Vertx vertx;
  private final HttpClient http = HttpClient.newHttpClient();
  private final CountDownLatch engineHeld = new CountDownLatch(1);
  private final CountDownLatch releaseEngine = new CountDownLatch(1);
  private WorkerExecutor engineThread;

  @BeforeEach
  void start() throws IOException {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    releaseEngine.countDown();
    if (gate != null) {
      gate.close();
    }
    vertx.close().await();
    receiver.stop(0);
    influx.close();
  }

  @Test
  void aPushTheFullEngineQueueCannotTakeIsRefusedWithNothingQueuedAndTakenOnceThereIsRoom()
      throws Exception {
    CollectorVerticle collector = new CollectorVerticle(config(influx.url(), 10, ""));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    int port = collector.actualPort();
    holdEngine();

    // 8 of the 10 points the engine may have waiting.
    assertThat(write(port, replicas("a", 8, "running")).statusCode()).isEqualTo(204);
    assertThat(metric(port, "ferry_collector_alert_queued_points")).isEqualTo(8);

    // 8 more do not fit: refused every time they are sent again, and kept nowhere.
    String refusedPush = replicas("b", 8, "error");
    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<String> refused = write(port, refusedPush);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(JSON.readTree(refused.body()).path("error").asText())
          .contains("alert engine already has 8 points waiting", "alerts.max_queued_points: 10");
      assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(ErrorReplies.RETRY_AFTER_MIN, ErrorReplies.RETRY_AFTER_MAX);
    }
    var metrics = PrometheusSamples.parse(get(port, "/metrics").body());
    assertThat(metrics.value("ferry_collector_alert_queued_points")).hasValue(8.0);
    assertThat(metrics.value("ferry_collector_alert_queue_refused_total")).hasValue(5.0);
    assertThat(metrics.value("ferry_collector_pending_points")).hasValue(0.0);
    assertThat(rows("SELECT count(lag_seconds) FROM mysql_replication WHERE host =~ /^b/"))
        .as("nothing of a refused push is written")
        .isEmpty();
    // Points no rule needs are not queued for the engine, so a full queue does not refuse them.
    assertThat(write(port, "cpu,host=a1 usage_user=1").statusCode()).isEqualTo(204);

    releaseEngine.countDown();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metric(port, "ferry_collector_alert_queued_points") == 0);
    HttpResponse<String> retried = write(port, refusedPush);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);

    assertThat(rows("SELECT count(lag_seconds) FROM mysql_replication WHERE host =~ /^b/"))
        .singleElement()
        .satisfies(row -> assertThat(((Number) row.get("count")).intValue()).isEqualTo(8));
    // The engine saw the retried push: its replicas in error are alerts now.
    await().atMost(Duration.ofSeconds(20)).until(() -> firingReplicationErrors(port).size() == 8);
    assertThat(firingReplicationErrors(port)).allMatch(host -> host.startsWith("b"));
  }

  @Test
  void aPushTheFullWriterCannotTakeLeavesNothingInTheEngineQueue() throws Exception {
    gate = WriteGate.start(influx.url());
    influx.createDatabase(DATABASE);
    CollectorVerticle collector =
        new CollectorVerticle(
            config(
                gate.url(),
                100,
                "  batch_max_points: 10\n  max_pending_points: 10\n  flush_interval: 10ms\n"));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    int port = collector.actualPort();
    holdEngine();

    // The writer holds these 8 until InfluxDB (the gate) answers; the engine queue has them too.
    CompletableFuture<HttpResponse<String>> held = writeAsync(port, replicas("a", 8, "running"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metric(port, "ferry_collector_pending_points") == 8);
    assertThat(metric(port, "ferry_collector_alert_queued_points")).isEqualTo(8);

    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<String> refused = write(port, replicas("b", 8, "error"));
      statuses.add(refused.statusCode());
      assertThat(refused.body()).contains("already holds 8 points waiting for InfluxDB");
    }
    assertThat(statuses).containsOnly(503);
    var metrics = PrometheusSamples.parse(get(port, "/metrics").body());
    assertThat(metrics.value("ferry_collector_alert_queued_points"))
        .as("a push the writer refused is not queued for the engine, however often it is sent")
        .hasValue(8.0);
    assertThat(metrics.value("ferry_collector_alert_queue_refused_total")).hasValue(0.0);

    gate.open();
    assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    releaseEngine.countDown();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metric(port, "ferry_collector_alert_queued_points") == 0);
    assertThat(write(port, replicas("b", 8, "error")).statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> firingReplicationErrors(port).size() == 8);
  }

  @Test
  void aPushTheFullWriterRefusesStillShowsItsSenderAliveAndTheCollectorOverloaded()
      throws Exception {
    gate = WriteGate.start(influx.url());
    influx.createDatabase(DATABASE);
    Path rules = dir.resolve("silent.yml");
    Files.writeString(
        rules,
        """
        rules:
          - name: Silent
            severity: page
            measurement: ferry_agent
            absence: {after: 3s, group_by: [host]}
            summary: "{{host}} sent nothing"
          - name: Overloaded
            severity: page
            measurement: ferry_collector
            threshold: {field: pushes_refused_percent, aggregate: max, window: 1s, above: 50}
            summary: "{{host}} refuses pushes"
        """);
    CollectorVerticle collector =
        new CollectorVerticle(
            config(
                gate.url(),
                100,
                "  batch_max_points: 10\n  max_pending_points: 10\n  flush_interval: 10ms\n",
                rules));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    int port = collector.actualPort();

    // Both hosts report once; the writer holds the push until InfluxDB (the gate) answers.
    CompletableFuture<HttpResponse<String>> held =
        writeAsync(port, agentPoint("alive") + agentPoint("gone") + filler(6));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> metric(port, "ferry_collector_pending_points") == 8);

    // From now on only "alive" sends, and the full writer refuses every push of it, until "gone"
    // has been silent long enough to fire; "alive" was last taken just as long ago.
    int refusals = 0;
    while (!firing(port, "Silent").contains("gone")) {
      HttpResponse<String> refused = write(port, agentPoint("alive") + filler(9));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      refusals++;
      assertThat(refusals).as("pushes refused before \"gone\" fired").isLessThan(300);
      Thread.sleep(100);
    }
    assertThat(firing(port, "Silent"))
        .as("a host whose pushes are refused for now is not silent")
        .containsExactly("gone");
    assertThat(firing(port, "Overloaded"))
        .as("the collector's own point says it refuses pushes")
        .hasSize(1);

    gate.open();
    assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
    assertThat(rows("SELECT count(pushed_points) FROM ferry_agent WHERE host = 'alive'"))
        .as("nothing of the refused pushes was written")
        .singleElement()
        .satisfies(row -> assertThat(((Number) row.get("count")).intValue()).isEqualTo(1));
  }

  private static String agentPoint(String host) {
    return "ferry_agent,host="
        + host
        + " pushed_points=1i "
        + System.currentTimeMillis() * 1_000_000
        + "\n";
  }

  /** Points of a measurement no rule watches. */
  private static String filler(int count) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append("cpu,host=filler,cpu=cpu").append(i).append(" usage_user=1\n");
    }
    return lines.toString();
  }

  /** The hosts of the firing alerts named {@code alertname}. */
  private List<String> firing(int port, String alertname) throws Exception {
    JsonNode alerts = JSON.readTree(get(port, "/api/v1/alerts").body());
    List<String> hosts = new ArrayList<>();
    for (JsonNode alert : alerts.path("alerts")) {
      if (alert.path("labels").path("alertname").asText().equals(alertname)
          && alert.path("status").asText().equals("firing")) {
        hosts.add(alert.path("labels").path("host").asText());
      }
    }
    return hosts;
  }

  /** Holds the alert engine's one worker thread until {@link #releaseEngine} counts down. */
  private void holdEngine() throws InterruptedException {
    engineThread = vertx.createSharedWorkerExecutor(AlertService.ENGINE_POOL, 1);
    engineThread.executeBlocking(
        () -> {
          engineHeld.countDown();
          return releaseEngine.await(2, TimeUnit.MINUTES);
        });
    assertThat(engineHeld.await(20, TimeUnit.SECONDS)).isTrue();
  }

  /** One replication point per replica {@code prefix1..prefixN}, in {@code state}. */
  private static String replicas(String prefix, int count, String state) {
    long now = System.currentTimeMillis() * 1_000_000;
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      lines
          .append("mysql_replication,host=")
          .append(prefix)
          .append(i)
          .append(",channel=default state=\"")
          .append(state)
          .append("\",lag_seconds=0i ")
          .append(now)
          .append('\n');
    }
    return lines.toString();
  }

  private List<String> firingReplicationErrors(int port) throws Exception {
    JsonNode alerts = JSON.readTree(get(port, "/api/v1/alerts").body());
    List<String> hosts = new ArrayList<>();
    for (JsonNode alert : alerts.path("alerts")) {
      if (alert.path("labels").path("alertname").asText().equals("ReplicationError")) {
        hosts.add(alert.path("labels").path("host").asText());
      }
    }
    return hosts;
  }

  private List<Map<String, Object>> rows(String query) {
    return influx.queryRows(DATABASE, query);
  }

  private int metric(int port, String name) throws Exception {
    return (int) PrometheusSamples.parse(get(port, "/metrics").body()).value(name).orElseThrow();
  }

  private CollectorConfig config(String influxUrl, int maxQueuedPoints, String influxExtra)
      throws IOException {
    return config(
        influxUrl,
        maxQueuedPoints,
        influxExtra,
        Path.of("..", "alerts", "rules", "replication.yml").toAbsolutePath().normalize());
  }

  private CollectorConfig config(
      String influxUrl, int maxQueuedPoints, String influxExtra, Path rules) throws IOException {
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: %s}
        influxdb:
          url: %s
          database: %s
          api: v1
          timeout: 60s
        %s
        alerts:
          rule_files: [%s]
          evaluation_interval: 100ms
          max_queued_points: %d
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:%d/hook"}
          route: {receiver: oncall, group_wait: 100ms, group_interval: 1s, repeat_interval: 1h}
        """
            .formatted(
                TOKEN,
                influxUrl,
                DATABASE,
                influxExtra,
                rules,
                maxQueuedPoints,
                receiver.getAddress().getPort());
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }

  private HttpResponse<String> write(int port, String lines) throws Exception {
    return http.send(writeRequest(port, lines), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> writeAsync(int port, String lines) {
    return http.sendAsync(writeRequest(port, lines), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest writeRequest(int port, String lines) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/write?db=x"))
        .header("Authorization", "Token " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8))
        .build();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Token " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
