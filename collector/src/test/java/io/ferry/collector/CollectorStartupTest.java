package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ferry.collector.config.InfluxApi;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Start-up when InfluxDB cannot be reached. */
@ExtendWith(VertxExtension.class)
class CollectorStartupTest {

  private String deadInfluxUrl;

  /** A port that was just free: nothing listens there. */
  @BeforeEach
  void findDeadPort(Vertx vertx) throws Exception {
    NetServer probe = vertx.createNetServer().connectHandler(socket -> socket.close());
    int port = probe.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    probe.close().await(10, TimeUnit.SECONDS);
    deadInfluxUrl = "http://127.0.0.1:" + port;
  }

  @Test
  void autoApiRefusesToStartAndNamesTheUrl(Vertx vertx) {
    var collector =
        new CollectorVerticle(TestConfigs.collector(deadInfluxUrl, InfluxApi.AUTO, "ferry"));

    Throwable failure =
        catchThrowable(() -> vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS));

    assertThat(failure)
        .isInstanceOf(StartupException.class)
        .hasMessageContaining(deadInfluxUrl)
        .hasMessageContaining("influxdb.api");
  }

  @Test
  void explicitApiStartsAndReportsDegraded(Vertx vertx) throws Exception {
    var collector =
        new CollectorVerticle(TestConfigs.collector(deadInfluxUrl, InfluxApi.V1, "ferry"));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);

    var health =
        WebClient.create(vertx)
            .get(collector.actualPort(), "127.0.0.1", "/health")
            .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
            .send()
            .await(30, TimeUnit.SECONDS);

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("DEGRADED");
    assertThat(health.bodyAsJsonObject().getJsonObject("influxdb").getString("version")).isNull();
  }
}
