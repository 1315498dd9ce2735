package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.TcpRelay;
import io.ferry.testkit.ChildJvm;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing lost, with real processes: three agents (the agent main, each in its own child JVM and
 * with its own host name) stream to a collector in a child JVM that writes a real InfluxDB 1.6.7.
 * The collector is killed with SIGKILL {@value #KILLS} times (each time restarted once every agent
 * has found it gone), InfluxDB is stopped for {@link #OUTAGE} and started again on the same files,
 * and the collector is restarted gracefully (SIGTERM). Afterwards every tick each agent produced is
 * in InfluxDB exactly once (one row per series and timestamp, and no tick stored twice under two
 * timestamps), no gap, each tick whole, and the collector logged the outage's start and end.
 *
 * <p>InfluxDB sits behind a TCP relay so the collector keeps one URL while InfluxDB restarts on a
 * new port. The longer manual run is in {@code docs/benchmarks.md}.
 */
class FleetNothingLostTest {

  private static final Logger LOG = LoggerFactory.getLogger(FleetNothingLostTest.class);
  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final String DATABASE = "fleet_nothing_lost";
  private static final int AGENTS = 3;
  private static final int KILLS = 5;

  /** What the agent logs once when its collector stops answering, and once when it is back. */
  private static final String AGENT_LOST_COLLECTOR = " unavailable (";

  private static final String AGENT_FOUND_COLLECTOR = " accepts batches again";

  /**
   * How long InfluxDB stays stopped: 20 s, or {@code -Dferry.fleetTest.outageSeconds=N} for the
   * longer manual run.
   */
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("ferry.fleetTest.outageSeconds", 20));

  @TempDir Path dir;

  private final String token = UUID.randomUUID().toString();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<ChildJvm> started = new ArrayList<>();
  private final Map<String, ChildJvm> agents = new LinkedHashMap<>();
  private Vertx vertx;
  private TcpRelay relay;
  private LocalInfluxDb influx;
  private int collectorPort;
  private Path collectorConfig;
  private ChildJvm collector;

  @AfterEach
  void stopEverything() throws Exception {
    for (ChildJvm process : started) {
      process.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    if (influx != null) {
      influx.close();
    }
  }

  @Test
  void threeAgentsLoseNothingAcrossCollectorKillsAnInfluxOutageAndARestart() throws Exception {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    // created up front so queries before the first write find it
    influx.createDatabase(DATABASE);
    vertx = Vertx.vertx();
    relay = TcpRelay.start(vertx, influx.port());
    writeCollectorConfig();
    collector = startCollector();
    long agentsStarted = System.currentTimeMillis();
    for (int i = 0; i < AGENTS; i++) {
      String host = "fleet-" + run + "-" + i;
      agents.put(host, startAgent(host));
    }
    awaitTicksOfEveryAgentAfter(agentsStarted, 2);

    for (int kill = 1; kill <= KILLS; kill++) {
      collector.kill();
      // Down until every agent has tried to send and found the collector gone (at most one
      // interval): each kill interrupts every agent's stream, and no longer than needed.
      awaitEveryAgentLog(AGENT_LOST_COLLECTOR, kill);
      long back = System.currentTimeMillis();
      collector = startCollector();
      awaitEveryAgentLog(AGENT_FOUND_COLLECTOR, kill);
      awaitTicksOfEveryAgentAfter(back, 1);
    }

    influx.close();
    long outageStarted = System.currentTimeMillis();
    letTheStreamRun(OUTAGE);
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    relay.retarget(influx.port());
    long influxBack = System.currentTimeMillis();
    Awaitility.await("every agent's spool emptied after the InfluxDB outage")
        .atMost(OUTAGE.plusSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> agents.keySet().stream().allMatch(h -> spoolEmptiedAfter(h, influxBack)));
    LOG.info(
        "InfluxDB down {} s; every agent's backlog written within {} ms of its return",
        (influxBack - outageStarted) / 1000,
        System.currentTimeMillis() - influxBack);

    collector.close();
    long restarted = System.currentTimeMillis();
    collector = startCollector();
    awaitTicksOfEveryAgentAfter(restarted, 2);

    for (ChildJvm agent : agents.values()) {
      agent.close();
    }
    long agentsStopped = System.currentTimeMillis();

    for (String host : agents.keySet()) {
      List<Long> ticks = timestamps(host, "SELECT batches_sent FROM ferry_agent");
      for (int i = 1; i < ticks.size(); i++) {
        // The agent stamps ticks one interval apart (no jitter): closer than half an interval
        // would be a tick stored twice, further than 1.8 intervals a tick lost.
        assertThat(ticks.get(i) - ticks.get(i - 1))
            .as("%s: time between the ticks at %d and %d", host, ticks.get(i - 1), ticks.get(i))
            .isGreaterThan(INTERVAL.toMillis() / 2)
            .isLessThan(INTERVAL.toMillis() * 9 / 5);
      }
      // SIGTERM may interrupt the tick being collected; everything before it was delivered.
      assertThat(agentsStopped - ticks.get(ticks.size() - 1))
          .as("%s: time between the last stored tick and the agent's stop", host)
          .isLessThan(INTERVAL.toMillis() * 2 + 1000);
      assertThat(ticks)
          .as("%s: ticks during the InfluxDB outage", host)
          .anyMatch(t -> t > outageStarted && t < influxBack);
      // Every tick whole (the OS input's points share its timestamp), but perhaps the last.
      assertThat(timestamps(host, "SELECT used FROM mem"))
          .as("%s: ticks with the OS input's points", host)
          .isSubsetOf(ticks)
          .containsAll(ticks.subList(0, ticks.size() - 1));
      assertThat(Files.readString(dir.resolve(host + ".log")))
          .as("%s: the agent's log", host)
          .doesNotContain("dropped")
          .doesNotContain("IN MEMORY ONLY");
    }
    String collectorLog = Files.readString(dir.resolve("collector.log"));
    assertThat(collectorLog).contains("InfluxDB outage started", "InfluxDB outage ended");
    assertThat(dir.resolve("dead-letter")).as("nothing refused by InfluxDB").doesNotExist();
  }

  private void writeCollectorConfig() throws IOException {
    collectorPort = ChildFerry.freePort();
    collectorConfig = dir.resolve("collector.yml");
    Files.writeString(
        collectorConfig,
        """
        listen: {host: 127.0.0.1, port: %d}
        auth:
          tokens:
            - {name: fleet-test, token: "${FERRY_TEST_TOKEN}"}
        influxdb:
          url: %s
          api: v1
          database: %s
          timeout: 2s
          dead_letter_dir: dead-letter
        """
            .formatted(collectorPort, relay.url(), DATABASE));
  }

  private ChildJvm startCollector() throws Exception {
    ChildJvm process =
        ChildFerry.startCollector(
            collectorConfig, collectorPort, token, dir.resolve("collector.log"));
    started.add(process);
    return process;
  }

  private ChildJvm startAgent(String host) throws IOException {
    ChildJvm process = ChildFerry.startAgent(dir, host, INTERVAL, collectorPort, token);
    started.add(process);
    return process;
  }

  /** Waits until InfluxDB holds {@code count} ticks of every agent stamped after {@code since}. */
  private void awaitTicksOfEveryAgentAfter(long sinceMillis, int count) {
    Awaitility.await("%d ticks of every agent after %d in InfluxDB".formatted(count, sinceMillis))
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                agents.keySet().stream()
                    .allMatch(
                        host ->
                            timestamps(host, "SELECT batches_sent FROM ferry_agent").stream()
                                    .filter(t -> t > sinceMillis)
                                    .count()
                                >= count));
  }

  /**
   * Waits until every agent's log holds {@code count} lines with {@code text} (the agent logs its
   * collector's loss and return once each).
   */
  private void awaitEveryAgentLog(String text, int count) {
    Awaitility.await("every agent's log with %d lines of '%s'".formatted(count, text.strip()))
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> agents.values().stream().allMatch(agent -> linesWith(agent, text) >= count));
  }

  private static long linesWith(ChildJvm process, String text) {
    try {
      return process.logText().lines().filter(line -> line.contains(text)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a tick of {@code host} stamped after {@code sinceMillis} found its spool empty. */
  private boolean spoolEmptiedAfter(String host, long sinceMillis) {
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

  /**
   * The times of the rows a query returns for {@code host}, in epoch milliseconds, sorted; asserts
   * one row per timestamp (the series written exactly once).
   */
  private List<Long> timestamps(String host, String query) {
    List<Map<String, Object>> rows =
        influx.queryRows(DATABASE, query + " WHERE host = '%s'".formatted(host));
    TreeSet<Long> times = new TreeSet<>();
    for (Map<String, Object> row : rows) {
      times.add(((Long) row.get("time")) / 1_000_000);
    }
    assertThat(times).as("one row per timestamp of %s", host).hasSize(rows.size());
    return List.copyOf(times);
  }
}
