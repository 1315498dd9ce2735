package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.CollectorDaemon;
import io.ferry.testkit.ChildJvm;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.SharedStack;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing lost, with real processes: the agent main and the collector each in a child JVM, the
 * collector writing to the real InfluxDB 1.6.7 of the shared stack. Under a steady stream (the OS
 * input every 2 s) the agent is killed with SIGKILL three times, the collector three times, then
 * the collector stays down for 20 s ({@link #OUTAGE}) while the agent is killed once more.
 * Afterwards every tick each agent process produced is in InfluxDB: no gap inside any agent's life,
 * each tick complete.
 *
 * <p>A longer manual run (minutes of outage) is described in {@code docs/benchmarks.md}.
 */
class AgentKillTest {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final String DATABASE = "agent_kill_test";
  private static final Logger LOG = LoggerFactory.getLogger(AgentKillTest.class);

  /**
   * How long the collector stays down in the last phase: 20 s, or {@code
   * -Dferry.agentKillTest.outageSeconds=N} for the longer manual run.
   */
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("ferry.agentKillTest.outageSeconds", 20));

  /** An agent process's life, in epoch milliseconds. */
  private record Life(long startedMillis, long endedMillis) {}

  @TempDir Path dir;

  private final String host = "kill-" + UUID.randomUUID().toString().substring(0, 8);
  private final String token = UUID.randomUUID().toString();
  private final List<ChildJvm> started = new ArrayList<>();
  private final List<Life> lives = new ArrayList<>();
  private LocalInfluxDb influx;
  private int collectorPort;
  private Path collectorConfig;
  private Path agentConfig;
  private ChildJvm agent;
  private ChildJvm collector;
  private long agentStartedMillis;

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (ChildJvm process : started) {
      process.close();
    }
  }

  @Test
  void everyTickSurvivesKillsOfTheAgentAndOfTheCollector() throws Exception {
    influx = SharedStack.get().influx();
    influx.createDatabase(DATABASE);
    writeConfigs();
    collector = startCollector();
    agent = startAgent();
    awaitTicksAfter(agentStartedMillis, 2);

    for (int i = 0; i < 3; i++) {
      killAgent();
      agent = startAgent();
      awaitTicksAfter(agentStartedMillis, 2);
    }
    for (int i = 0; i < 3; i++) {
      collector.kill();
      letTheStreamRun(Duration.ofSeconds(3));
      long back = System.currentTimeMillis();
      collector = startCollector();
      awaitTicksAfter(back, 1);
    }
    collector.kill();
    long outageStarted = System.currentTimeMillis();
    letTheStreamRun(OUTAGE.dividedBy(2));
    killAgent();
    agent = startAgent();
    letTheStreamRun(OUTAGE.dividedBy(2));
    collector = startCollector();
    long back = System.currentTimeMillis();
    Awaitility.await("a tick of the outage in InfluxDB")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ticksBetween(outageStarted, back) > 0);
    long resumed = System.currentTimeMillis();
    Awaitility.await("the agent's spool emptied")
        .atMost(OUTAGE.plusSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> spoolEmptiedAfter(back));
    LOG.info(
        "collector down {} s: first backlog tick stored {} ms after it was healthy again, the"
            + " {} ticks of the outage and the spool empty after at most {} ms (one interval's"
            + " resolution)",
        (back - outageStarted) / 1000,
        resumed - back,
        ticksBetween(outageStarted, back),
        System.currentTimeMillis() - back);
    awaitTicksAfter(back, 2);
    agent.close();
    lives.add(new Life(agentStartedMillis, System.currentTimeMillis()));

    List<Long> ticks = timestamps("SELECT batches_sent FROM ferry_agent WHERE host = '%s'");
    for (Life life : lives) {
      List<Long> inLife =
          ticks.stream().filter(t -> t >= life.startedMillis() && t <= life.endedMillis()).toList();
      assertThat(inLife).as("ticks of the agent started at %d", life.startedMillis()).isNotEmpty();
      for (int i = 1; i < inLife.size(); i++) {
        assertThat(inLife.get(i) - inLife.get(i - 1))
            .as("gap before the tick at %d", inLife.get(i))
            .isLessThan(INTERVAL.toMillis() * 9 / 5);
      }
      // The tick being collected at the kill may be lost: it was not in the spool yet.
      assertThat(life.endedMillis() - inLife.get(inLife.size() - 1))
          .as("time between the last stored tick and the end of the agent's life")
          .isLessThan(INTERVAL.toMillis() * 2);
    }
    assertThat(ticks)
        .as("every stored tick belongs to an agent's life")
        .allMatch(
            t -> lives.stream().anyMatch(l -> t >= l.startedMillis() && t <= l.endedMillis()));
    // Every tick arrived whole: the OS input's points carry the same timestamps.
    assertThat(timestamps("SELECT used FROM mem WHERE host = '%s'"))
        .isSubsetOf(ticks)
        .hasSizeGreaterThanOrEqualTo(ticks.size() - lives.size());
    String agentLog = Files.readString(dir.resolve("agent.log"));
    assertThat(agentLog)
        .contains("from before the restart will be sent")
        .doesNotContain("dropped")
        .doesNotContain("IN MEMORY ONLY");
  }

  private void writeConfigs() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      collectorPort = socket.getLocalPort();
    }
    collectorConfig = dir.resolve("collector.yml");
    Files.writeString(
        collectorConfig,
        """
        listen: {host: 127.0.0.1, port: %d}
        auth:
          tokens:
            - {name: kill-test, token: "${FERRY_TEST_TOKEN}"}
        influxdb:
          url: %s
          api: auto
          database: %s
        """
            .formatted(collectorPort, influx.url(), DATABASE));
    agentConfig = dir.resolve("agent.yml");
    Files.writeString(
        agentConfig,
        """
        agent: {host: %s, interval: %ds, jitter: false, state_directory: %s}
        collector: {url: "http://127.0.0.1:%d", token: "${FERRY_TEST_TOKEN}", timeout: 2s}
        inputs:
          os: {enabled: true}
        """
            .formatted(host, INTERVAL.toSeconds(), dir, collectorPort));
  }

  private ChildJvm startCollector() throws Exception {
    ChildJvm process =
        ChildJvm.start(
            "collector",
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            CollectorDaemon.class,
            List.of("--config", collectorConfig.toString()),
            Map.of("FERRY_TEST_TOKEN", token),
            dir.resolve("collector.log"));
    started.add(process);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collectorPort + "/health"))
            .header("Authorization", "Token " + token)
            .timeout(Duration.ofSeconds(2))
            .build();
    Awaitility.await("the collector's health")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              assertThat(process.isAlive()).as("collector alive: %s", process.logText()).isTrue();
              return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
    return process;
  }

  private ChildJvm startAgent() throws IOException {
    agentStartedMillis = System.currentTimeMillis();
    ChildJvm process =
        ChildJvm.start(
            "agent",
            List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            AgentMain.class,
            List.of("--config", agentConfig.toString()),
            Map.of("FERRY_TEST_TOKEN", token),
            dir.resolve("agent.log"));
    started.add(process);
    return process;
  }

  private void killAgent() throws InterruptedException {
    agent.kill();
    lives.add(new Life(agentStartedMillis, System.currentTimeMillis()));
  }

  /** Waits until InfluxDB holds at least {@code count} ticks stamped after {@code sinceMillis}. */
  private void awaitTicksAfter(long sinceMillis, int count) {
    Awaitility.await("%d ticks after %d in InfluxDB".formatted(count, sinceMillis))
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                timestamps("SELECT batches_sent FROM ferry_agent WHERE host = '%s'").stream()
                        .filter(t -> t > sinceMillis)
                        .count()
                    >= count);
  }

  private long ticksBetween(long fromMillis, long toMillis) {
    return timestamps("SELECT batches_sent FROM ferry_agent WHERE host = '%s'").stream()
        .filter(t -> t > fromMillis && t < toMillis)
        .count();
  }

  /** Whether a tick stamped after {@code sinceMillis} found the agent's spool empty. */
  private boolean spoolEmptiedAfter(long sinceMillis) {
    return influx
        .queryRows(
            DATABASE,
            "SELECT spool_batches FROM ferry_agent WHERE host = '%s' AND time > %dms"
                .formatted(host, sinceMillis))
        .stream()
        .anyMatch(row -> ((Number) row.get("spool_batches")).longValue() == 0);
  }

  /** The workload's schedule, not a synchronisation: the stream goes on while a process is down. */
  private static void letTheStreamRun(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  /** The times of the rows a query returns, in epoch milliseconds, sorted and distinct. */
  private List<Long> timestamps(String queryWithHost) {
    List<Map<String, Object>> rows = influx.queryRows(DATABASE, queryWithHost.formatted(host));
    TreeSet<Long> times = new TreeSet<>();
    for (Map<String, Object> row : rows) {
      times.add(((Long) row.get("time")) / 1_000_000);
    }
    assertThat(times).as("one row per timestamp").hasSize(rows.size());
    return List.copyOf(times);
  }
}
