package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB stops and comes back: while it is away writes answer 503 (the agent keeps its points)
 * and health is DEGRADED; once it is back, writes are acknowledged again and both points are in
 * InfluxDB. A relay keeps the collector's InfluxDB URL fixed across the restart.
 */
@ExtendWith(VertxExtension.class)
class InfluxOutageTest {

  private static final String DATABASE = "outage";

  @TempDir Path influxState;

  @Test
  void writesAnswer503WhileInfluxDbIsDownAndSucceedAfterItRestarts(Vertx vertx) throws Exception {
    LocalInfluxDb influx = LocalInfluxDb.start(influxState);
    try (TcpRelay relay = TcpRelay.start(vertx, influx.port())) {
      var collector =
          new CollectorVerticle(TestConfigs.collector(relay.url(), InfluxApi.AUTO, DATABASE));
      vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
      WebClient client =
          WebClient.create(
              vertx,
              new WebClientOptions()
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(collector.actualPort()));

      assertThat(write(client, "up,phase=before v=1i").statusCode()).isEqualTo(204);

      influx.close();
      HttpResponse<Buffer> refused = write(client, "up,phase=during v=2i");
      HttpResponse<Buffer> degraded = health(client);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(Integer.parseInt(refused.getHeader("Retry-After")))
          .isBetween(ErrorReplies.RETRY_AFTER_MIN, ErrorReplies.RETRY_AFTER_MAX);
      assertThat(refused.bodyAsJsonObject().getString("error"))
          .contains("retry later", relay.url());
      assertThat(degraded.statusCode()).isEqualTo(503);
      JsonObject degradedJson = degraded.bodyAsJsonObject();
      assertThat(degradedJson.getString("status")).isEqualTo("DEGRADED");
      assertThat(degradedJson.getJsonObject("influxdb").getBoolean("reachable")).isFalse();
      assertThat(
              degradedJson
                  .getJsonObject("influxdb")
                  .getJsonObject("last_error")
                  .getString("message"))
          .contains("unreachable");

      influx = LocalInfluxDb.start(influxState);
      relay.retarget(influx.port());

      assertThat(write(client, "up,phase=after v=3i").statusCode()).isEqualTo(204);
      assertThat(health(client).statusCode()).isEqualTo(200);
      assertThat(influx.queryRows(DATABASE, "SELECT v, phase FROM up"))
          .extracting(r -> r.get("phase"))
          .containsExactly("before", "after");
    } finally {
      influx.close();
    }
  }

  @Test
  void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEndsWithWhatWasRefused(Vertx vertx)
      throws Exception {
    LocalInfluxDb influx = LocalInfluxDb.start(influxState);
    try (TcpRelay relay = TcpRelay.start(vertx, influx.port());
        CapturedStderr log = new CapturedStderr()) {
      var collector =
          new CollectorVerticle(TestConfigs.collector(relay.url(), InfluxApi.AUTO, DATABASE));
      vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
      WebClient client =
          WebClient.create(
              vertx,
              new WebClientOptions()
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(collector.actualPort()));
      assertThat(write(client, "up v=1i").statusCode()).isEqualTo(204);

      influx.close();
      assertThat(write(client, "up,n=2 v=2i\nup,n=3 v=3i").statusCode()).isEqualTo(503);
      assertThat(write(client, "up v=4i").statusCode()).isEqualTo(503);
      assertThat(write(client, "up v=5i").statusCode()).isEqualTo(503);
      influx = LocalInfluxDb.start(influxState);
      relay.retarget(influx.port());
      assertThat(write(client, "up v=6i").statusCode()).isEqualTo(204);
      assertThat(write(client, "up v=7i").statusCode()).isEqualTo(204);

      List<String> started = matching(log, "InfluxDB outage started");
      List<String> ended = matching(log, "InfluxDB outage ended");
      assertThat(started).singleElement().asString().contains(relay.url(), "answered 503");
      assertThat(ended)
          .singleElement()
          .asString()
          .containsPattern("ended after [0-9.]+(ms|s): 3 write requests \\(4 points\\)");
      assertThat(log.lines())
          .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception"));
    } finally {
      influx.close();
    }
  }

  /** The log lines holding {@code text}, each checked to start with a timestamp and level. */
  private static List<String> matching(CapturedStderr log, String text) {
    List<String> lines = log.lines().stream().filter(line -> line.contains(text)).toList();
    assertThat(lines)
        .allMatch(
            line ->
                line.matches(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})"
                        + " (INFO|WARN) InfluxOutageLog - .*"),
            "starts with a timestamp, the level and the logger");
    return lines;
  }

  private static HttpResponse<Buffer> write(WebClient client, String line) throws Exception {
    return client
        .post("/write")
        .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
        .sendBuffer(Buffer.buffer(line + "\n"))
        .await(30, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> health(WebClient client) throws Exception {
    return client
        .get("/health")
        .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
        .send()
        .await(30, TimeUnit.SECONDS);
  }
}
