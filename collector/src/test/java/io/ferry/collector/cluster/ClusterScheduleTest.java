package io.ferry.collector.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.compare.ComparisonRunner;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two collectors in one JVM, each a clustered Vert.x with its own Hazelcast member on loopback,
 * both with a comparison scheduled every 200 ms: only the leader runs it; once the leader leaves,
 * the other does.
 */
class ClusterScheduleTest {

  @TempDir Path dir;

  @Test
  void onlyTheLeaderRunsTheScheduledComparisonAndTheOtherTakesTheScheduleOver() throws Exception {
    int first = freePort();
    int second = freePort();
    var firstRuns = new AtomicInteger();
    var secondRuns = new AtomicInteger();
    CollectorConfig firstConfig = config(first, second);
    Vertx firstVertx = CollectorVertx.start(firstConfig.cluster()).await(60, TimeUnit.SECONDS);
    Vertx secondVertx = null;
    try {
      firstVertx
          .deployVerticle(
              new CollectorVerticle(firstConfig, Clock.systemUTC(), counting(firstRuns)))
          .await(30, TimeUnit.SECONDS);
      Awaitility.await("the first collector runs the schedule")
          .atMost(Duration.ofSeconds(30))
          .until(() -> firstRuns.get() >= 1);

      CollectorConfig secondConfig = config(second, first);
      secondVertx = CollectorVertx.start(secondConfig.cluster()).await(60, TimeUnit.SECONDS);
      secondVertx
          .deployVerticle(
              new CollectorVerticle(secondConfig, Clock.systemUTC(), counting(secondRuns)))
          .await(30, TimeUnit.SECONDS);
      int before = firstRuns.get();
      Awaitility.await("three more runs on the leader")
          .atMost(Duration.ofSeconds(30))
          .until(() -> firstRuns.get() >= before + 3);
      assertThat(secondRuns.get()).as("runs on the collector that does not lead").isZero();

      firstVertx.close().await(30, TimeUnit.SECONDS);
      int leftAt = firstRuns.get();
      Awaitility.await("the second collector takes the schedule over")
          .atMost(Duration.ofSeconds(30))
          .until(() -> secondRuns.get() >= 1);
      assertThat(firstRuns.get()).isEqualTo(leftAt);
    } finally {
      firstVertx.close().await(30, TimeUnit.SECONDS);
      if (secondVertx != null) {
        secondVertx.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Counts the runs; each ends at once without a report. */
  private static ComparisonRunner counting(AtomicInteger runs) {
    return (topology, options) -> {
      runs.incrementAndGet();
      throw new IllegalStateException("counted, not compared");
    };
  }

  private CollectorConfig config(int port, int otherPort) {
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: schedule-test-token}
        influxdb: {url: "http://127.0.0.1:1", api: v1}
        compare:
          old: {primary: "mysql://ferry@127.0.0.1:1"}
          new: {primary: "mysql://ferry@127.0.0.1:2"}
          schedule: 200ms
        cluster:
          member: 127.0.0.1:%d
          members: [127.0.0.1:%d, 127.0.0.1:%d]
          secret: a-secret-every-member-shares
          event_bus_port: 0
          heartbeat_interval: 1s
          failure_timeout: 3s
        """
            .formatted(port, port, otherPort);
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
