package io.ferry.collector.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a {@code cluster:} section the collector runs alone, as it always did. */
class StandaloneCollectorTest {

  @TempDir Path dir;

  @Test
  void withoutAClusterSectionNoHazelcastStartsAndAlertsAreEvaluatedHere() throws Exception {
    CollectorConfig config =
        new CollectorConfigLoader()
            .parse(
                """
                listen: {host: 127.0.0.1, port: 0}
                auth:
                  tokens:
                    - {name: fleet, token: standalone-token}
                influxdb: {url: "http://127.0.0.1:1", api: v1}
                alerts:
                  rule_files: []
                  receivers:
                    - name: oncall
                      webhook: {url: "http://127.0.0.1:1/hook"}
                  route: {receiver: oncall}
                """,
                "collector.yml",
                dir);
    Vertx vertx = CollectorVertx.start(config.cluster()).await(30, TimeUnit.SECONDS);
    try {
      var collector = new CollectorVerticle(config);
      vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);

      assertThat(vertx.isClustered()).isFalse();
      assertThat(Hazelcast.getAllHazelcastInstances()).isEmpty();
      assertThat(collector.alerting().orElseThrow().evaluating()).isTrue();
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + collector.actualPort() + "/metrics"))
                      .header("Authorization", "Token standalone-token")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("ferry_").doesNotContain("ferry_cluster");
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
