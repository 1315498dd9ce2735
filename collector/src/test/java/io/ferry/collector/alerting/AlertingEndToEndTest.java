package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector with the shipped replication rules, a real InfluxDB and a webhook receiver on
 * loopback: a replica in error pages, the page survives a collector restart without being sent
 * twice, and recovery sends the resolved notice.
 */
class AlertingEndToEndTest {

  private static final String TOKEN = "alerting-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  private static LocalInfluxDb influx;
  private static HttpServer receiver;
  private static final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws IOException {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(JSON.readTree(exchange.getRequestBody()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    influx.close();
  }

  @Test
  void aReplicaInErrorPagesOnceAcrossARestartAndResolves() throws Exception {
    CollectorConfig config = config();
    Vertx vertx = Vertx.vertx();
    try {
      CollectorVerticle first = new CollectorVerticle(config);
      String id = vertx.deployVerticle(first).await(30, TimeUnit.SECONDS);
      write(first.actualPort(), "state=\"error\",last_sql_errno=1062i");

      JsonNode page = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(page).as("webhook page").isNotNull();
      assertThat(page.path("status").asText()).isEqualTo("firing");
      JsonNode alert = page.path("alerts").get(0);
      assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("ReplicationError");
      assertThat(alert.path("labels").path("host").asText()).isEqualTo("db2");
      assertThat(alert.path("annotations").path("summary").asText())
          .isEqualTo("Replication default on db2 stopped with an error");
      assertThat(
              get(first.actualPort(), "/api/v1/alerts")
                  .path("alerts")
                  .get(0)
                  .path("status")
                  .asText())
          .isEqualTo("firing");

      vertx.undeploy(id).await(30, TimeUnit.SECONDS);
      assertThat(dir.resolve("state/alerts.json")).exists();

      CollectorVerticle second = new CollectorVerticle(config);
      vertx.deployVerticle(second).await(30, TimeUnit.SECONDS);
      // Still in error after the restart: the alert is the one restored, not a new page.
      write(second.actualPort(), "state=\"error\",last_sql_errno=1062i");
      assertThat(get(second.actualPort(), "/api/v1/alerts").path("alerts")).hasSize(1);
      write(second.actualPort(), "state=\"running\",lag_known=true,lag_seconds=0");

      JsonNode next = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(next).as("the next notification").isNotNull();
      assertThat(next.path("status").asText())
          .as("after a restart the next notice is the resolve, not a second page")
          .isEqualTo("resolved");
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void theAlertApiNeedsTheTokenAndSilencesNeedAMatcher() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      CollectorVerticle collector = new CollectorVerticle(config());
      vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
      URI alerts = URI.create("http://127.0.0.1:" + collector.actualPort() + "/api/v1/alerts");
      HttpResponse<String> anonymous =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(alerts).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);

      HttpResponse<String> noMatcher =
          post(
              collector.actualPort(),
              "/api/v1/silences",
              "{\"duration\":\"1h\",\"createdBy\":\"ann\",\"comment\":\"cutover\"}");
      assertThat(noMatcher.statusCode()).isEqualTo(400);
      assertThat(noMatcher.body()).contains("at least one matcher");

      HttpResponse<String> silence =
          post(
              collector.actualPort(),
              "/api/v1/silences",
              "{\"matchers\":[\"host=\\\"db9\\\"\"],\"duration\":\"1h\",\"createdBy\":\"ann\","
                  + "\"comment\":\"cutover\"}");
      assertThat(silence.statusCode()).isEqualTo(201);
      String silenceId = JSON.readTree(silence.body()).path("id").asText();
      assertThat(get(collector.actualPort(), "/api/v1/silences").toString()).contains(silenceId);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static CollectorConfig config() throws IOException {
    Path rules = Path.of("..", "alerts", "rules", "replication.yml").toAbsolutePath().normalize();
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: %s}
        influxdb: {url: %s, database: alerting_test, api: v1}
        alerts:
          rule_files: [%s]
          evaluation_interval: 100ms
          state_file: state/alerts.json
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:%d/hook"}
          route: {receiver: oncall, group_wait: 100ms, group_interval: 1s, repeat_interval: 1h}
        """
            .formatted(TOKEN, influx.url(), rules, receiver.getAddress().getPort());
    Files.createDirectories(dir);
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }

  private static void write(int port, String fields) throws Exception {
    HttpResponse<String> response =
        post(
            port,
            "/write?db=x",
            "mysql_replication,host=db2,channel=default,source_host=db1,source_port=3306 "
                + fields);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private static HttpResponse<String> post(int port, String path, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Token " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Token " + TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
