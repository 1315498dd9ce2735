package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.ChildJvm;
import io.ferry.testkit.LocalInfluxDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch InfluxDB refuses, end to end with real processes: InfluxDB 1.6.7 already holds {@code mem
 * used} as a float, so every tick of an agent (whose {@code mem used} is an integer) is refused in
 * part ({@code field type conflict}). The collector sets each such batch aside in its dead-letter
 * folder and answers the agent 400 with InfluxDB's reason; the agent drops the batch, logs it and
 * counts it ({@code points_dropped}), and goes on sending: the tick's other points, which InfluxDB
 * stored, keep arriving.
 */
class RefusedBatchEndToEndTest {

  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final String DATABASE = "refused_batches";

  @TempDir Path dir;
  private final String token = UUID.randomUUID().toString();
  private final String host = "refused-" + UUID.randomUUID().toString().substring(0, 8);
  private LocalInfluxDb influx;
  private ChildJvm collector;
  private ChildJvm agent;

  @AfterEach
  void stopEverything() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (collector != null) {
      collector.close();
    }
    if (influx != null) {
      influx.close();
    }
  }

  @Test
  void aRefusedBatchIsSetAsideAnsweredAndDroppedByTheAgentWhileTheStreamGoesOn() throws Exception {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    influx.createDatabase(DATABASE);
    influx.writeLines(DATABASE, "mem,host=earlier used=0.5");
    int port = ChildFerry.freePort();
    Path config = dir.resolve("collector.yml");
    Files.writeString(
        config,
        """
        listen: {host: 127.0.0.1, port: %d}
        auth:
          tokens:
            - {name: refused-test, token: "${FERRY_TEST_TOKEN}"}
        influxdb: {url: %s, api: v1, database: %s, dead_letter_dir: dead-letter}
        """
            .formatted(port, influx.url(), DATABASE));
    collector = ChildFerry.startCollector(config, port, token, dir.resolve("collector.log"));
    agent = ChildFerry.startAgent(dir, host, INTERVAL, port, token);

    Awaitility.await("the agent counting points the collector refused")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                influx
                    .queryRows(
                        DATABASE,
                        "SELECT points_dropped FROM ferry_agent WHERE host = '%s'".formatted(host))
                    .stream()
                    .map(row -> ((Number) row.get("points_dropped")).longValue())
                    .anyMatch(dropped -> dropped > 0));
    agent.close();

    List<Map<String, Object>> ticks =
        influx.queryRows(
            DATABASE, "SELECT batches_sent FROM ferry_agent WHERE host = '%s'".formatted(host));
    assertThat(ticks).as("ticks stored despite the refusals").hasSizeGreaterThanOrEqualTo(2);
    assertThat(influx.queryRows(DATABASE, "SELECT used FROM mem WHERE host = '%s'".formatted(host)))
        .as("the agent's mem points, refused by InfluxDB")
        .isEmpty();
    assertThat(Files.readString(dir.resolve(host + ".log")))
        .contains("collector refused a batch of", "field type conflict", "dropped it");
    String collectorLog = Files.readString(dir.resolve("collector.log"));
    assertThat(collectorLog).contains("InfluxDB refused a batch of", "set aside in");
    List<Path> deadLetters;
    try (Stream<Path> files = Files.list(dir.resolve("dead-letter"))) {
      deadLetters = files.toList();
    }
    assertThat(deadLetters).isNotEmpty();
    StringBuilder refused = new StringBuilder();
    for (Path file : deadLetters) {
      refused.append(Files.readString(file));
    }
    assertThat(refused)
        .contains("InfluxDB refused", "field type conflict")
        .containsPattern("(?m)^mem,host=" + host + " .*used=\\d+i");
  }
}
