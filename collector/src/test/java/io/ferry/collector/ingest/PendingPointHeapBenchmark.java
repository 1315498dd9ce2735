package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.IngestConfig;
import io.ferry.collector.influx.InfluxServer;
import io.ferry.collector.influx.InfluxTargetRule;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.ParseRules;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRule;
import io.ferry.lineprotocol.Precision;
import io.ferry.testkit.SyntheticFleet;
import io.ferry.testkit.SyntheticWebTraffic;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Heap held per parsed point waiting in the collector, for agent-shaped points: the pushes of the
 * fleet benchmark's agents (the 50 database series of {@link SyntheticFleet} and the 150 access-log
 * and probe series of {@link SyntheticWebTraffic}, 200 points per push), parsed as the write
 * endpoints parse them (with InfluxDB 1.6.7's rules and the default ingest limits), {@code
 * ferry.benchmark.points} of them (200,000, the default {@code influxdb.max_pending_points}) held
 * at once. Heap used after a full GC with the points held, minus before. Not part of the test
 * suite; run it with
 *
 * <pre>mvn -o -q -B -pl collector -am test -Dtest=PendingPointHeapBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Writes {@code target/benchmarks/pending-point-heap.md}.
 */
class PendingPointHeapBenchmark {

  @Test
  void heapPerAgentShapedPoint() throws IOException {
    int wanted = Integer.getInteger("ferry.benchmark.points", 200_000);
    SyntheticFleet fleet = SyntheticFleet.withSeries(100_000);
    IngestConfig limits = IngestConfig.defaults();
    PointRule target = InfluxTargetRule.forServer(new InfluxServer(InfluxApi.V1, "1.6.7"));
    long before = usedHeapAfterGc();
    List<List<Point>> held = new ArrayList<>();
    long points = 0;
    long textBytes = 0;
    for (int push = 0; points < wanted; push++) {
      int h = push % fleet.hosts();
      long nanos = 1_780_000_000_000_000_000L + push * 5_000_000L;
      String body =
          fleet.push(h, nanos, 7, false)
              + SyntheticWebTraffic.push(SyntheticFleet.hostName(h), nanos, 7);
      // The write endpoints' own checks: what InfluxDB 1.6.7 refuses, then the ingest limits.
      var rules =
          new ParseRules(limits.maxLineLength(), target.andThen(new PointLimits(limits, nanos)));
      ParseResult parsed = LineProtocolParser.parse(body, Precision.NANOSECONDS, nanos, rules);
      assertThat(parsed.errors()).isEmpty();
      held.add(parsed.points());
      points += parsed.points().size();
      textBytes += body.getBytes(StandardCharsets.UTF_8).length;
    }
    long after = usedHeapAfterGc();
    Reference.reachabilityFence(held);
    String text =
        String.format(
            Locale.ROOT,
            "| points held | pushes | line protocol | heap held | bytes per point |%n"
                + "| ---: | ---: | ---: | ---: | ---: |%n"
                + "| %,d | %,d | %.1f MB | %.1f MB | %,d |%n",
            points,
            held.size(),
            textBytes / 1e6,
            (after - before) / 1e6,
            (after - before) / points);
    Path file = Path.of("target", "benchmarks", "pending-point-heap.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
