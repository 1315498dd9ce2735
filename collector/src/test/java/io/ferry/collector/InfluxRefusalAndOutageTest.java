package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.PrometheusSamples;
import io.vertx.core.Vertx;
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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector in front of a real InfluxDB 1.6.7: a batch InfluxDB refuses (a field type conflict)
 * is answered 400 with InfluxDB's reason, set aside in the dead-letter folder with the time and the
 * reason, counted on /metrics, and the traffic after it keeps flowing; with InfluxDB stopped, a
 * write is answered 503 with Retry-After and the alert engine still sees its points and pages.
 */
class InfluxRefusalAndOutageTest {

  private static final String TOKEN = "refusal-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATABASE = "refusals";

  @TempDir Path dir;
  private LocalInfluxDb influx;
  private HttpServer receiver;
  private final BlockingQueue<JsonNode> pages = new LinkedBlockingQueue<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private Vertx vertx;

  @BeforeEach
  void start() throws IOException {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          pages.add(JSON.readTree(exchange.getRequestBody()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
    receiver.stop(0);
    influx.close();
  }

  @Test
  void aBatchInfluxDbRefusesIsAnswered400SetAsideCountedAndTheRestFlows() throws Exception {
    CollectorVerticle collector = new CollectorVerticle(config());
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    int port = collector.actualPort();

    long now = System.currentTimeMillis() * 1_000_000;
    assertThat(write(port, "cpu,host=a value=1i " + now).statusCode()).isEqualTo(204);
    HttpResponse<String> refused = write(port, "cpu,host=a value=1.5 " + (now + 1));
    assertThat(write(port, "mem,host=a value=2i " + (now + 2)).statusCode()).isEqualTo(204);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("error").asText())
        .contains("InfluxDB rejected points", "field type conflict");
    Path deadLetters = dir.resolve("dead-letter");
    // the file is appended on a worker thread, possibly after the answer
    await().atMost(Duration.ofSeconds(10)).until(() -> deadLetterLines(deadLetters).size() == 2);
    List<String> lines = deadLetterLines(deadLetters);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .matches("# \\d{4}-\\d{2}-\\d{2}T\\S+Z InfluxDB refused 1 points: .*")
        .contains("field type conflict");
    assertThat(lines.get(1)).isEqualTo("cpu,host=a value=1.5 " + (now + 1));
    var metrics = PrometheusSamples.parse(get(port, "/metrics").body());
    assertThat(metrics.value("ferry_collector_dead_letter_batches_total")).hasValue(1.0);
    assertThat(metrics.value("ferry_collector_dead_letter_points_total")).hasValue(1.0);
    assertThat(influx.queryRows(DATABASE, "SELECT value FROM cpu")).hasSize(1);
    assertThat(influx.queryRows(DATABASE, "SELECT value FROM mem")).hasSize(1);
  }

  @Test
  void withInfluxDbStoppedAWriteIsAnswered503AndTheAlertEngineStillPages() throws Exception {
    CollectorVerticle collector = new CollectorVerticle(config());
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    int port = collector.actualPort();
    influx.close();

    HttpResponse<String> response =
        write(
            port,
            "mysql_replication,host=db2,channel=default,source_host=db1,source_port=3306"
                + " state=\"error\",last_sql_errno=1062i");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(ErrorReplies.RETRY_AFTER_MIN, ErrorReplies.RETRY_AFTER_MAX);
    JsonNode page = pages.poll(15, TimeUnit.SECONDS);
    assertThat(page).as("the webhook page while InfluxDB is down").isNotNull();
    assertThat(page.path("status").asText()).isEqualTo("firing");
    assertThat(page.path("alerts").get(0).path("labels").path("alertname").asText())
        .isEqualTo("ReplicationError");
  }

  /** The lines of the one dead-letter file in {@code folder}; none while there is no file. */
  private static List<String> deadLetterLines(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).matches("refused-\\d{4}-\\d{2}-\\d{2}\\.lp");
    return Files.readAllLines(files.get(0));
  }

  private CollectorConfig config() throws IOException {
    Path rules = Path.of("..", "alerts", "rules", "replication.yml").toAbsolutePath().normalize();
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: %s}
        influxdb: {url: %s, database: %s, api: v1, timeout: 2s}
        alerts:
          rule_files: [%s]
          evaluation_interval: 100ms
          state_file: state/alerts.json
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:%d/hook"}
          route: {receiver: oncall, group_wait: 100ms, group_interval: 1s, repeat_interval: 1h}
        """
            .formatted(TOKEN, influx.url(), DATABASE, rules, receiver.getAddress().getPort());
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }

  private HttpResponse<String> write(int port, String lines) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/write?db=x"))
            .header("Authorization", "Token " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Token " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
