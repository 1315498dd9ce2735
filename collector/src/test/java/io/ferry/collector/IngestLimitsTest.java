package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.IngestConfig;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ingest:} limits through a real collector into InfluxDB 1.6.7: each bad line answered
 * with its number and the limit, the good lines written; bodies that do not decode refused whole.
 */
@ExtendWith(VertxExtension.class)
class IngestLimitsTest {

  private static final long HOUR = 3_600_000_000_000L;
  private static final IngestConfig SMALL =
      new IngestConfig(
          64 * 1024,
          200,
          3,
          4,
          16,
          Optional.of(Duration.ofHours(1)),
          Optional.of(Duration.ofHours(24)));
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path influxState;
  private static LocalInfluxDb influx;

  private String database;
  private CollectorVerticle collector;

  @BeforeAll
  static void startInflux() throws Exception {
    influx = LocalInfluxDb.start(influxState);
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @BeforeEach
  void deployCollector(Vertx vertx, TestInfo test) throws Exception {
    database = "db_" + test.getTestMethod().orElseThrow().getName();
    influx.createDatabase(database);
    collector =
        new CollectorVerticle(TestConfigs.collector(influx.url(), InfluxApi.AUTO, database, SMALL));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
  }

  @Test
  void eachLineOverALimitIsNamedWithTheLimitAndTheGoodLinesAreWritten() throws Exception {
    long now = System.currentTimeMillis() * 1_000_000L;
    String body =
        String.join(
            "\n",
            "ok,n=1 v=1 " + now,
            "long s=\"" + "x".repeat(200) + "\" " + now,
            "tags,a=1,b=2,c=3,d=4 v=1 " + now,
            "fields a=1,b=2,c=3,d=4,e=5 " + now,
            "a_measurement_name_too_long v=1 " + now,
            "future v=1 " + (now + 2 * HOUR),
            "past v=1 " + (now - 48 * HOUR),
            "ok,n=8 v=8 " + now);

    HttpResponse<String> response = send(request("/api/v2/write").POST(text(body)));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = new JsonObject(response.body());
    assertThat(error.getInteger("line")).isEqualTo(2);
    assertThat(error.getString("message"))
        .contains(
            "line 2: line is 229 characters long; the limit is 200",
            "line 3: 4 tags; the limit is 3 (ingest.max_tags)",
            "line 4: 5 fields; the limit is 4 (ingest.max_fields)",
            "line 5: measurement \"a_measurement_name_too_long\" is 27 characters long",
            "line 6: timestamp ",
            "in the future (ingest.max_future)",
            "line 7: timestamp ",
            "in the past (ingest.max_age)")
        .doesNotContain("line 1:", "line 8:");
    assertThat(influx.queryRows(database, "SELECT v, n FROM ok"))
        .extracting(row -> row.get("n"))
        .containsExactly("1", "8");
    assertThat(influx.queryRows(database, "SHOW MEASUREMENTS")).hasSize(1);
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedWholeNamingTheLine() throws Exception {
    var body = new ByteArrayOutputStream();
    body.writeBytes("ok v=1\nbad,host=".getBytes(StandardCharsets.UTF_8));
    body.write(0xC3);
    body.writeBytes(" v=2\n".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response =
        send(request("/write").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error"))
        .startsWith("line 2: byte 10 of the line (0xC3) is not UTF-8")
        .endsWith("nothing was written");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefusedOnceTheLimitIsPassed() throws Exception {
    byte[] big = "ok v=1\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    assertThat(big.length).isGreaterThan(64 * 1024);

    HttpResponse<String> response =
        send(
            request("/write")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(response.body()).getString("error"))
        .isEqualTo(
            "request body is larger than 64KiB (ingest.max_body_bytes); nothing was written");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.actualPort() + path))
        .timeout(java.time.Duration.ofSeconds(30))
        .header("Authorization", "Token " + TestConfigs.TOKEN);
  }

  private static HttpRequest.BodyPublisher text(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
