package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.ferry.testkit.CountedField;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.SyntheticFleet;
import io.ferry.testkit.SyntheticWebTraffic;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet of simulated agents held against the packaged collector on this machine: the release
 * tarball is unpacked and its collector started through its launcher ({@code bin/ferry collector},
 * the launcher's default JVM flags) in front of a real InfluxDB 1.6.7, with one token per agent in
 * a tokens file, the shipped rules ({@code etc/rules}) and two SLOs on the access-log series, and a
 * webhook receiver. This JVM runs the agents ({@link SimulatedFleet}: 200 points each every 10 s,
 * gzip, the agent's retry rule) and measures every request's response time, the answers by status,
 * and every 10 s the collector's resident memory, heap and CPU ({@link FleetSampler}). At the end,
 * the agents stop sending and, once the collector holds no point for InfluxDB, every point it
 * acknowledged must be in InfluxDB, and nothing else of the fleet's but the points of pushes left
 * without an answer (which it may have written). Not part of the test suite (the name ends in
 * Benchmark); run it with
 *
 * <pre>mvn -o -q -B verify -pl demo -am -Dtest=FleetBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
 *     -Dferry.benchmark.duration=PT10M -Dferry.benchmark.agents=2000</pre>
 *
 * <p>{@code -Dferry.benchmark.jfr=true} records the collector with JFR. Writes {@code
 * target/benchmarks/fleet.md} and {@code fleet-samples.csv}.
 */
class FleetBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(FleetBenchmark.class);
  private static final Path RESULTS = Path.of("target", "benchmarks");

  @TempDir Path dir;

  @Test
  void aFleetHeldAgainstThePackagedCollector() throws Exception {
    FleetSettings settings = FleetSettings.fromSystemProperties();
    List<CountedField> counted =
        Stream.concat(
                SyntheticFleet.countedFields().stream(),
                SyntheticWebTraffic.countedFields().stream())
            .toList();
    assertEveryPointCountedOnce(counted);
    double loadBefore = loadAverage();
    Instant started = Instant.now();
    Path installed =
        new CollectorTarball(Path.of(System.getProperty("ferry.collector.tarball")))
            .unpack(dir.resolve("install"));
    List<String> tokens =
        IntStream.range(0, settings.agents()).mapToObj(i -> PackagedFerry.randomToken()).toList();
    Files.createDirectories(RESULTS);
    try (LocalInfluxDb influx = LocalInfluxDb.start(dir.resolve("influx"));
        WebhookReceiver receiver = WebhookReceiver.start(PackagedFerry.randomToken());
        FleetCollector collector =
            FleetCollector.start(
                installed, dir.resolve("collector"), influx.url(), tokens, receiver, settings)) {
      long startNanos = System.nanoTime();
      var times = new ResponseTimes(startNanos);
      try (SimulatedFleet fleet = new SimulatedFleet(settings, collector.port(), tokens, times);
          FleetSampler sampler = new FleetSampler(collector, influx.pid(), startNanos)) {
        fleet.start();
        sampler.start();
        LOG.info(
            "{} agents pushing for {} to the collector (pid {})",
            settings.agents(),
            settings.duration(),
            collector.pid());
        Thread.sleep(settings.duration().toMillis()); // the run's length, not a synchronisation
        if (settings.profile() && collector.isAlive()) {
          collector.dumpRecording(RESULTS.resolve("fleet-collector.jfr"));
        }
        fleet.stopGenerating();
        boolean delivered = collector.isAlive() && fleet.awaitDelivered(FleetSettings.DRAIN_LIMIT);
        // Counted once nothing more arrives and the collector wrote all it took: what it
        // acknowledged is then in InfluxDB, or it was lost.
        boolean quiet =
            fleet.stopSending(FleetSettings.REQUEST_TIMEOUT.multipliedBy(3))
                && collector.isAlive()
                && collector.awaitNothingPending(FleetSettings.DRAIN_LIMIT);
        sampler.stop();
        sampler.sampleNow();
        collector.copyLog(RESULTS.resolve("fleet-collector.log"));
        boolean collectorAlive = collector.isAlive();

        Map<String, Long> stored = new LinkedHashMap<>();
        long since = fleet.startEpochNanos();
        for (CountedField field : counted) {
          List<Map<String, Object>> rows =
              influx.queryRows(FleetCollector.DATABASE, field.countQuery(since));
          long count = rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
          stored.put(field.measurement() + ", " + field.field(), count);
        }
        List<String> notifications = new ArrayList<>();
        receiver.received().forEach(n -> notifications.addAll(n.lines()));
        var report =
            new FleetReport(
                settings,
                started,
                loadBefore,
                loadAverage(),
                times.minutes(),
                times.overall(),
                sampler.samples(),
                sampler.metricsFailures(),
                fleet.generatedPoints(),
                fleet.acknowledgedPoints(),
                fleet.droppedPoints(),
                fleet.heldBatches(),
                fleet.unconfirmedPoints(),
                quiet,
                stored,
                fleet.maxInFlight(),
                fleet.maxLateMillis(),
                notifications,
                fleet.refusals(),
                collectorAlive);
        report.write(RESULTS);
        LOG.info("Fleet benchmark:\n{}", report.markdown());

        assertThat(collectorAlive)
            .as("the collector is alive; its log ends with:\n%s", collector.logTail(30))
            .isTrue();
        assertThat(quiet)
            .as(
                "the agents stopped and the collector wrote all it held within %s",
                FleetSettings.DRAIN_LIMIT)
            .isTrue();
        assertThat(report.storedPoints())
            .as("points in InfluxDB: every acknowledged one")
            .isGreaterThanOrEqualTo(fleet.acknowledgedPoints())
            .as("points in InfluxDB: no more than those acknowledged or sent without an answer")
            .isLessThanOrEqualTo(fleet.acknowledgedPoints() + fleet.unconfirmedPoints());
        assertThat(delivered)
            .as("every push delivered within %s after the run", FleetSettings.DRAIN_LIMIT)
            .isTrue();
        assertThat(fleet.droppedPoints()).as("points the collector refused").isZero();
        assertThat(fleet.acknowledgedPoints())
            .as("every generated point acknowledged")
            .isEqualTo(fleet.generatedPoints())
            .isPositive();
        assertThat(report.storedPoints())
            .as("points in InfluxDB: exactly those acknowledged")
            .isEqualTo(fleet.acknowledgedPoints());
      }
    }
  }

  /**
   * The counted fields must count every point of a push exactly once, or the comparison of stored
   * and acknowledged points proves nothing.
   */
  private static void assertEveryPointCountedOnce(List<CountedField> counted) {
    String push =
        SyntheticFleet.withSeries(SyntheticFleet.SERIES_PER_HOST).push(1, 1_000_000_000L, 3, false)
            + SyntheticWebTraffic.push(SyntheticFleet.hostName(1), 1_000_000_000L, 3);
    ParseResult parsed = LineProtocolParser.parse(push, Precision.NANOSECONDS, 0);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.points()).hasSize(SimulatedFleet.pointsPerPush());
    for (Point point : parsed.points()) {
      assertThat(
              counted.stream()
                  .filter(
                      c ->
                          c.measurement().equals(point.measurement())
                              && point.fields().containsKey(c.field())))
          .as("counted fields of %s", point)
          .hasSize(1);
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
