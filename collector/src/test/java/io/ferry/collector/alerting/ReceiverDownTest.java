package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that are down, as real processes on loopback: one answers 500, one refuses connections,
 * one accepts and never answers. The dispatcher retries with backoff, then the fallback receiver (a
 * real HTTP server) gets the notification; a hung receiver costs its timeout and holds no other
 * notification up; the collector keeps ingesting; each failing receiver is logged once, without its
 * URL's secret; a receiver that is back gets the next notifications.
 */
class ReceiverDownTest {

  private static final String TOKEN = "receiver-down-token";
  private static final long WAIT_SECONDS = 20;

  @TempDir Path dir;

  @Test
  void failingReceiversAreRetriedThenFallBackAndTheRestGoesOn() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    // slf4j-simple writes to whatever System.err is at the time of each line.
    System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
    Vertx vertx = Vertx.vertx();
    try (LocalInfluxDb influx = LocalInfluxDb.start(dir.resolve("influx"));
        WebhookReceiver primary = WebhookReceiver.start();
        WebhookReceiver fallback = WebhookReceiver.start();
        HangingReceiver hanging = HangingReceiver.start()) {
      int refusedPort = closedPort();
      String yaml =
          """
          listen: {host: 127.0.0.1, port: 0}
          auth:
            tokens:
              - {name: fleet, token: %s}
          influxdb: {url: %s, database: receiver_down, api: v1, flush_interval: 100ms}
          alerts:
            rule_files: [%s]
            evaluation_interval: 100ms
            receivers:
              - name: primary
                webhook: {url: "%s"}
              - name: refused
                webhook: {url: "http://ferry:s3cret-refused@127.0.0.1:%d/hook"}
              - name: hanging
                webhook: {url: "%s", token: s3cret-hanging, timeout: 3s}
              - name: fallback
                webhook: {url: "%s"}
            route:
              receiver: primary
              group_by: [host]
              group_wait: 100ms
              group_interval: 500ms
              repeat_interval: 1h
              routes:
                - {matchers: ['host="db-refused"'], receiver: refused}
                - {matchers: ['host=~"db-hang-.*"'], receiver: hanging}
            fallback_receiver: fallback
            retry: {initial_backoff: 100ms, max_backoff: 200ms, max_attempts: 3}
          """
              .formatted(
                  TOKEN,
                  influx.url(),
                  rules(),
                  primary.url("/hook").replace("//", "//ferry:s3cret-primary@"),
                  refusedPort,
                  hanging.url("/hook"),
                  fallback.url("/hook"));
      CollectorVerticle collector =
          new CollectorVerticle(new CollectorConfigLoader().parse(yaml, "collector.yml", dir));
      vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
      int port = collector.actualPort();

      // 1. The routed receiver answers 500: three attempts, then the fallback.
      primary.answer(500);
      writeErrors(port, "db-a");
      JsonNode first = fallback.taken().poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(first).as("the fallback gets the page primary refused").isNotNull();
      assertThat(first.path("receiver").asText()).isEqualTo("fallback");
      assertThat(host(first)).isEqualTo("db-a");
      assertThat(primary.requests()).as("max_attempts to primary").isEqualTo(3);

      // 2. Nothing listens where the routed receiver should be: the fallback again.
      writeErrors(port, "db-refused");
      JsonNode second = fallback.taken().poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(second).as("the fallback gets the page nobody could connect for").isNotNull();
      assertThat(host(second)).isEqualTo("db-refused");

      // 3. A receiver that hangs, with more groups waiting on it than it has send threads: while
      // its sends wait for their timeout, primary is back and takes a page at once.
      writeErrors(port, "db-hang-1", "db-hang-2", "db-hang-3", "db-hang-4", "db-hang-5");
      await()
          .atMost(Duration.ofSeconds(WAIT_SECONDS))
          .until(() -> hanging.accepted() >= AlertService.SENDS_PER_RECEIVER);
      primary.answer(200);
      writeErrors(port, "db-b");
      JsonNode back = primary.taken().poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(back).as("primary, back, gets the next page").isNotNull();
      assertThat(host(back)).isEqualTo("db-b");
      assertThat(log.toString(StandardCharsets.UTF_8))
          .as("primary's page did not wait for a hung send to time out")
          .doesNotContain("Receiver hanging is failing");
      assertThat(hanging.accepted())
          .as("sends to one receiver at once")
          .isEqualTo(AlertService.SENDS_PER_RECEIVER);
      await()
          .atMost(Duration.ofSeconds(WAIT_SECONDS))
          .until(() -> log.toString(StandardCharsets.UTF_8).contains("no answer within 3s"));

      // The collector kept ingesting all along: every write was taken (204 above) and is in
      // InfluxDB.
      await()
          .atMost(Duration.ofSeconds(WAIT_SECONDS))
          .until(
              () ->
                  influx
                      .queryRows("receiver_down", "SELECT count(state) FROM mysql_replication")
                      .stream()
                      .anyMatch(row -> ((Number) row.get("count")).longValue() == 8));

      System.err.flush();
      List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
      for (String receiver : List.of("primary", "refused", "hanging")) {
        assertThat(lines.stream().filter(l -> l.contains("Receiver " + receiver + " is failing")))
            .as("the failure of %s is logged once", receiver)
            .hasSize(1);
      }
      assertThat(lines.stream().filter(l -> l.contains("Receiver primary takes notifications")))
          .hasSize(1);
      assertThat(lines)
          .as("the URLs' secrets stay out of the log")
          .noneMatch(l -> l.contains("s3cret"));
      assertThat(lines).noneMatch(l -> l.contains("No receiver took"));
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      System.setErr(originalErr);
    }
  }

  private static Path rules() {
    return Path.of("..", "alerts", "rules", "replication.yml").toAbsolutePath().normalize();
  }

  private static String host(JsonNode notification) {
    assertThat(notification.path("alerts")).hasSize(1);
    return notification.path("alerts").get(0).path("labels").path("host").asText();
  }

  /** One batch: replication in error on each of {@code hosts}. */
  private static void writeErrors(int port, String... hosts) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (String host : hosts) {
      lines
          .append("mysql_replication,host=")
          .append(host)
          .append(",channel=default state=\"error\",last_sql_errno=1062i\n");
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/write?db=x"))
                    .header("Authorization", "Token " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final ByteArrayOutputStream copy;

    Tee(OutputStream first, ByteArrayOutputStream copy) {
      this.first = first;
      this.copy = copy;
    }

    @Override
    public synchronized void write(int b) {
      copy.write(b);
      try {
        first.write(b);
      } catch (java.io.IOException e) {
        // the console is gone; the copy is what the test reads
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      copy.write(bytes, offset, length);
      try {
        first.write(bytes, offset, length);
      } catch (java.io.IOException e) {
        // the console is gone; the copy is what the test reads
      }
    }
  }
}
