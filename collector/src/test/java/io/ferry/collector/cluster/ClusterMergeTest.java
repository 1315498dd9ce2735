package io.ferry.collector.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.compare.ComparisonRunner;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split cluster that heals: two collectors in one JVM start as two clusters of one (the second
 * does not know the first's address, as after a network split), so each leads its side; once the
 * first finds the second and the sides merge, one collector leads again and only its schedule runs.
 */
class ClusterMergeTest {

  private static final String TOKEN = "merge-test-token";

  @TempDir Path dir;

  @Test
  void afterTheSidesOfASplitMergeOneCollectorLeads() throws Exception {
    int first = freePort();
    int second = freePort();
    var firstRuns = new AtomicInteger();
    var secondRuns = new AtomicInteger();
    CollectorConfig firstConfig = config(first, "127.0.0.1:" + first + ", 127.0.0.1:" + second);
    CollectorConfig secondConfig = config(second, "127.0.0.1:" + second);
    Vertx firstVertx = CollectorVertx.start(firstConfig.cluster()).await(60, TimeUnit.SECONDS);
    Vertx secondVertx = null;
    try {
      var firstCollector =
          new CollectorVerticle(firstConfig, Clock.systemUTC(), counting(firstRuns));
      firstVertx.deployVerticle(firstCollector).await(30, TimeUnit.SECONDS);
      secondVertx = CollectorVertx.start(secondConfig.cluster()).await(60, TimeUnit.SECONDS);
      var secondCollector =
          new CollectorVerticle(secondConfig, Clock.systemUTC(), counting(secondRuns));
      secondVertx.deployVerticle(secondCollector).await(30, TimeUnit.SECONDS);

      // Split: each side leads and runs the schedule.
      Awaitility.await("both sides run the schedule")
          .atMost(Duration.ofSeconds(30))
          .until(() -> firstRuns.get() >= 1 && secondRuns.get() >= 1);

      Awaitility.await("one leader after the merge")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> leads(firstCollector.actualPort()) != leads(secondCollector.actualPort()));
      boolean firstLeads = leads(firstCollector.actualPort());
      AtomicInteger leaderRuns = firstLeads ? firstRuns : secondRuns;
      AtomicInteger otherRuns = firstLeads ? secondRuns : firstRuns;
      int otherBefore = otherRuns.get();
      int leaderBefore = leaderRuns.get();
      Awaitility.await("three runs on the leader")
          .atMost(Duration.ofSeconds(30))
          .until(() -> leaderRuns.get() >= leaderBefore + 3);
      assertThat(otherRuns.get())
          .as("runs on the collector that gave the lead up")
          .isEqualTo(otherBefore);
      assertThat(leads(firstCollector.actualPort())).isEqualTo(firstLeads);
    } finally {
      firstVertx.close().await(30, TimeUnit.SECONDS);
      if (secondVertx != null) {
        secondVertx.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean leads(int port) throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Token " + TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return metrics.body().contains("ferry_cluster_leader 1.0");
  }

  private static ComparisonRunner counting(AtomicInteger runs) {
    return (topology, options) -> {
      runs.incrementAndGet();
      throw new IllegalStateException("counted, not compared");
    };
  }

  private CollectorConfig config(int port, String members) {
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: %s}
        influxdb: {url: "http://127.0.0.1:1", api: v1}
        compare:
          old: {primary: "mysql://ferry@127.0.0.1:1"}
          new: {primary: "mysql://ferry@127.0.0.1:2"}
          schedule: 200ms
        alerts:
          rule_files: []
          evaluation_interval: 100ms
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:1/hook"}
          route: {receiver: oncall}
        cluster:
          member: 127.0.0.1:%d
          members: [%s]
          secret: a-secret-every-member-shares
          event_bus_port: 0
          heartbeat_interval: 1s
          failure_timeout: 3s
          merge_interval: 1s
        """
            .formatted(TOKEN, port, members);
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
