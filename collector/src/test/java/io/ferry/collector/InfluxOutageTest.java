package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
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

      assertThat(write(client, "up,phase=before v=1i 1000000000").statusCode()).isEqualTo(204);

      influx.close();
      HttpResponse<Buffer> refused = write(client, "up,phase=during v=2i 2000000000");
      HttpResponse<Buffer> degraded = health(client);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
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

      assertThat(write(client, "up,phase=after v=3i 3000000000").statusCode()).isEqualTo(204);
      assertThat(health(client).statusCode()).isEqualTo(200);
      assertThat(influx.queryRows(DATABASE, "SELECT v, phase FROM up"))
          .extracting(r -> r.get("phase"))
          .containsExactly("before", "after");
    } finally {
      influx.close();
    }
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
