package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.AuthConfig;
import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.InfluxCredentials;
import io.ferry.collector.config.InfluxDestination;
import io.ferry.collector.config.IngestConfig;
import io.ferry.collector.config.ListenConfig;
import io.ferry.lineprotocol.Point;
import io.questdb.ServerMain;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 write path against a second real server that implements {@code /api/v2/write}: QuestDB,
 * embedded. QuestDB applies writes asynchronously, so reads poll (bounded).
 */
@ExtendWith(VertxExtension.class)
class InfluxV2ClientWriterTest {

  private static final long T0 = 1_700_000_000_000_000_000L;
  private static final Duration READ_WAIT = Duration.ofSeconds(20);

  @TempDir static Path questdbRoot;
  private static ServerMain questdb;
  private static String url;

  @BeforeAll
  static void startQuestDb() {
    questdb =
        ServerMain.create(
            questdbRoot.toString(),
            Map.of(
                "QDB_HTTP_NET_BIND_TO", "127.0.0.1:0",
                "QDB_PG_ENABLED", "false",
                "QDB_LINE_TCP_ENABLED", "false",
                "QDB_LINE_UDP_ENABLED", "false",
                "QDB_HTTP_MIN_ENABLED", "false",
                "QDB_TELEMETRY_ENABLED", "false"));
    questdb.start();
    url = "http://127.0.0.1:" + questdb.getHttpServerPort();
  }

  @AfterAll
  static void stopQuestDb() {
    questdb.close();
  }

  @Test
  void autoDetectionPicksV2ForQuestDb(Vertx vertx) throws Exception {
    var detector =
        new InfluxApiDetector(WebClient.create(vertx), url + "/ping", Duration.ofSeconds(5));

    InfluxServer server = detector.detect().await(10, TimeUnit.SECONDS);

    assertThat(server.version()).startsWith("v2.");
    assertThat(server.api()).isEqualTo(InfluxApi.V2);
  }

  @Test
  void writesPointsThroughApiV2Write(Vertx vertx) throws Exception {
    var writer = new InfluxV2ClientWriter(vertx, influxConfig(url));
    try {
      writer
          .write(
              List.of(
                  Point.builder("v2_direct")
                      .tag("host", "a")
                      .field("v", 1.5)
                      .timestampNanos(T0)
                      .build(),
                  Point.builder("v2_direct")
                      .tag("host", "b")
                      .field("v", 2.5)
                      .timestampNanos(T0)
                      .build()))
          .await(10, TimeUnit.SECONDS);
    } finally {
      writer.close().await(10, TimeUnit.SECONDS);
    }

    JsonArray rows = awaitRows(vertx, "SELECT host, v FROM v2_direct ORDER BY host", 2);
    assertThat(rows.getJsonArray(0).getList()).containsExactly("a", 1.5);
    assertThat(rows.getJsonArray(1).getList()).containsExactly("b", 2.5);
  }

  @Test
  void anUnreachableServerIsReportedAsUnavailable(Vertx vertx) throws Exception {
    var writer = new InfluxV2ClientWriter(vertx, influxConfig("http://127.0.0.1:1"));
    try {
      var result = writer.write(List.of(Point.builder("x").field("v", 1L).build()));
      await().atMost(Duration.ofSeconds(20)).until(result::isComplete);

      assertThat(result.cause())
          .isInstanceOf(InfluxUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:1");
    } finally {
      writer.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theCollectorWritesThroughTheV2PathWhenConfiguredSo(Vertx vertx) throws Exception {
    var collector = new CollectorVerticle(collectorConfig(url));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);

    var response =
        WebClient.create(vertx)
            .post(collector.actualPort(), "127.0.0.1", "/api/v2/write?precision=s")
            .putHeader("Authorization", "Token questdb-test")
            .sendBuffer(Buffer.buffer("via_collector,host=c count=7i 1700000000\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(collector.influxServer().api()).isEqualTo(InfluxApi.V2);
    JsonArray rows = awaitRows(vertx, "SELECT host, count FROM via_collector", 1);
    assertThat(rows.getJsonArray(0).getList()).containsExactly("c", 7);
  }

  private static JsonArray awaitRows(Vertx vertx, String query, int expected) {
    WebClient client = WebClient.create(vertx);
    JsonArray[] found = new JsonArray[1];
    await()
        .atMost(READ_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var response =
                  client
                      .getAbs(url + "/exec")
                      .addQueryParam("query", query)
                      .send()
                      .await(5, TimeUnit.SECONDS);
              JsonArray dataset = response.bodyAsJsonObject().getJsonArray("dataset");
              found[0] = dataset;
              return dataset != null && dataset.size() == expected;
            });
    return found[0];
  }

  private static InfluxConfig influxConfig(String serverUrl) {
    return new InfluxConfig(
        URI.create(serverUrl),
        InfluxApi.V2,
        Duration.ofSeconds(5),
        InfluxDestination.defaults(),
        InfluxCredentials.none(),
        new BatchingConfig(1000, Duration.ofMillis(20), 10_000));
  }

  private static CollectorConfig collectorConfig(String serverUrl) {
    return new CollectorConfig(
        new ListenConfig("127.0.0.1", 0),
        new AuthConfig(List.of(new ApiToken("questdb", "questdb-test"))),
        IngestConfig.defaults(),
        influxConfig(serverUrl));
  }
}
