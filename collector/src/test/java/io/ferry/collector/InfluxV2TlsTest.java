package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.InfluxCredentials;
import io.ferry.collector.config.InfluxDestination;
import io.ferry.collector.config.InfluxTls;
import io.ferry.collector.influx.InfluxUnavailableException;
import io.ferry.collector.influx.InfluxV2ClientWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.testkit.TestCertificates;
import io.questdb.ServerMain;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 writer (influxdb-client-java over OkHttp) with {@code influxdb.tls}: a real {@code
 * /api/v2/write} server (QuestDB, embedded) behind a TLS relay that asks for a client certificate.
 */
class InfluxV2TlsTest {

  @TempDir static Path dir;
  private static ServerMain questdb;
  private static Vertx vertx;
  private static TestCertificates certs;
  private static TlsRelay relay;

  @BeforeAll
  static void start() throws Exception {
    certs = TestCertificates.make(dir);
    Files.createDirectories(dir.resolve("questdb"));
    questdb =
        ServerMain.create(
            dir.resolve("questdb").toString(),
            Map.of(
                "QDB_HTTP_NET_BIND_TO", "127.0.0.1:0",
                "QDB_PG_ENABLED", "false",
                "QDB_LINE_TCP_ENABLED", "false",
                "QDB_LINE_UDP_ENABLED", "false",
                "QDB_HTTP_MIN_ENABLED", "false",
                "QDB_TELEMETRY_ENABLED", "false"));
    questdb.start();
    vertx = Vertx.vertx();
    relay = TlsRelay.start(vertx, certs, questdb.getHttpServerPort(), true);
  }

  @AfterAll
  static void stop() throws Exception {
    relay.close();
    vertx.close().await(30, TimeUnit.SECONDS);
    questdb.close();
  }

  @Test
  void theV2WriterPresentsItsCertificateAndTrustsTheConfiguredCa() throws Exception {
    var writer = new InfluxV2ClientWriter(vertx, config("ca.pem"));
    try {
      writer
          .write(List.of(Point.builder("v2_tls").tag("host", "a").field("v", 1.5).build()))
          .await(20, TimeUnit.SECONDS);
    } finally {
      writer.close().await(10, TimeUnit.SECONDS);
    }

    WebClient client = WebClient.create(vertx);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonObject answer =
                  client
                      .getAbs("http://127.0.0.1:" + questdb.getHttpServerPort() + "/exec")
                      .addQueryParam("query", "SELECT host, v FROM v2_tls")
                      .send()
                      .await(5, TimeUnit.SECONDS)
                      .bodyAsJsonObject();
              return answer.getJsonArray("dataset") != null
                  && answer.getJsonArray("dataset").size() == 1;
            });
  }

  @Test
  void aServerCertificateFromAnotherCaIsRefused() throws Exception {
    var writer = new InfluxV2ClientWriter(vertx, config("other-ca.pem"));
    try {
      var result = writer.write(List.of(Point.builder("v2_tls_refused").field("v", 1L).build()));
      await().atMost(Duration.ofSeconds(20)).until(result::isComplete);

      assertThat(result.cause())
          .isInstanceOf(InfluxUnavailableException.class)
          .hasMessageContaining(relay.url());
    } finally {
      writer.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static InfluxConfig config(String ca) {
    return new InfluxConfig(
        URI.create(relay.url()),
        InfluxApi.V2,
        Duration.ofSeconds(5),
        InfluxDestination.defaults(),
        InfluxCredentials.none(),
        new BatchingConfig(1000, Duration.ofMillis(20), 10_000),
        new InfluxTls(
            Optional.of(certs.file(ca)),
            Optional.of(certs.file("client.pem")),
            Optional.of(certs.file("client-key.pem")),
            true));
  }
}
