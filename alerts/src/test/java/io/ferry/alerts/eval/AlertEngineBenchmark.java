package io.ferry.alerts.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.rule.RuleFileReader;
import io.ferry.alerts.slo.LatencySli;
import io.ferry.alerts.slo.RatioSli;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.ferry.testkit.SyntheticFleet;
import io.ferry.testkit.SyntheticWebTraffic;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Memory and CPU of the alert engine with the shipped rules ({@code rules/*.yml}) and a fleet of
 * 100,000 active series ({@link SyntheticFleet}: 2,000 database hosts pushing every 10 s), on a
 * simulated clock: first 20 minutes of the windowed series (so the longest window, {@code
 * DiskFillingUp}'s 20 minutes, is full), then 3 rounds of every series with an evaluation every
 * second. Reports heap used after a full GC with the engine holding the fleet minus the same empty
 * engine, the time of one {@link AlertEngine#ingest} per push (one host, 50 points) and of one
 * {@link AlertEngine#evaluate} tick. Not part of the test suite (the name does not end in Test);
 * run it with
 *
 * <pre>mvn -o -q -B -pl alerts -am test -Dtest=AlertEngineBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dferry.benchmark.series=100000</pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/alert-engine.md}.
 */
class AlertEngineBenchmark {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final Duration HISTORY = Duration.ofMinutes(20);
  private static final int FULL_ROUNDS = 3;
  private static final int WARM_ROUNDS = 3;

  @Test
  void memoryPerSeriesAndTimePerTickWithTheDefaultRules() throws IOException {
    int wanted = Integer.getInteger("ferry.benchmark.series", 100_000);
    SyntheticFleet fleet = SyntheticFleet.withSeries(wanted);
    List<AlertRule> rules = defaultRules();

    AlertEngine engine = new AlertEngine(rules, Phase.PRE, START);
    long emptyHeap = usedHeapAfterGc();

    int historyRounds = (int) (HISTORY.toSeconds() / SyntheticFleet.INTERVAL_SECONDS);
    int round = 0;
    for (; round < historyRounds; round++) {
      for (int h = 0; h < fleet.hosts(); h++) {
        Instant at = pushTime(fleet, round, h);
        engine.ingest(parse(fleet.history(h, Point.epochNanos(at), round)), at);
      }
      engine.evaluate(roundStart(round + 1));
    }
    List<Long> ingestNanos = new ArrayList<>();
    List<Long> evaluateNanos = new ArrayList<>();
    List<Long> evaluateCpuNanos = new ArrayList<>();
    var threads = ManagementFactory.getThreadMXBean();
    List<Transition> transitions = new ArrayList<>();
    for (int full = 0; full < FULL_ROUNDS; full++, round++) {
      int second = 0;
      for (int h = 0; h < fleet.hosts(); h++) {
        Instant at = pushTime(fleet, round, h);
        while (roundStart(round).plusSeconds(second + 1).isBefore(at)) {
          second++;
          long cpu0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          transitions.addAll(engine.evaluate(roundStart(round).plusSeconds(second)));
          evaluateNanos.add(System.nanoTime() - t0);
          evaluateCpuNanos.add(threads.getCurrentThreadCpuTime() - cpu0);
        }
        List<Point> points = parse(fleet.push(h, Point.epochNanos(at), round, false));
        long t0 = System.nanoTime();
        transitions.addAll(engine.ingest(points, at));
        ingestNanos.add(System.nanoTime() - t0);
      }
    }
    assertThat(transitions).as("a healthy fleet raises no alert").isEmpty();
    long fullHeap = usedHeapAfterGc();
    int tracked = engine.trackedSeries();

    // The rules do evaluate the fleet: one replica in error pages at once (ReplicationError has
    // no for).
    int replica = 1;
    Instant at = roundStart(round);
    List<Transition> page =
        engine.ingest(parse(fleet.push(replica, Point.epochNanos(at), round, true)), at);
    assertThat(page)
        .extracting(t -> t.alert().labels().alertName(), t -> t.alert().status())
        .contains(tuple("ReplicationError", AlertStatus.FIRING));
    Reference.reachabilityFence(engine);

    report(
        fleet,
        rules.size(),
        tracked,
        fullHeap - emptyHeap,
        ingestNanos,
        evaluateNanos,
        evaluateCpuNanos);
  }

  /**
   * Points per CPU-second the engine observes with a fleet shaped like the fleet benchmark's
   * agents: {@code ferry.benchmark.agents} hosts (2,000 by default) each pushing 200 points every
   * 10 s (the 50 database series of {@link SyntheticFleet} and the 150 access-log and probe series
   * of {@link SyntheticWebTraffic}), so 400,000 active series, with the shipped rules and the two
   * SLOs of the fleet benchmark over the access-log series. After {@value #WARM_ROUNDS} rounds
   * (baselines, JIT), {@code ferry.benchmark.rounds} rounds (5) are timed: the CPU time of the
   * thread inside {@link AlertEngine#ingest} (parsing not counted), and of each one-second {@link
   * AlertEngine#evaluate} tick. Writes {@code target/benchmarks/alert-engine-ingest.md}.
   */
  @Test
  void ingestRateAtFourHundredThousandSeries() throws IOException {
    int agents = Integer.getInteger("ferry.benchmark.agents", 2_000);
    int timedRounds = Integer.getInteger("ferry.benchmark.rounds", 5);
    SyntheticFleet fleet = SyntheticFleet.withSeries(agents * SyntheticFleet.SERIES_PER_HOST);
    List<AlertRule> rules = defaultRules();
    AlertEngine engine = new AlertEngine(rules, fleetSlos(), Phase.PRE, START);
    long emptyHeap = usedHeapAfterGc();
    var threads = ManagementFactory.getThreadMXBean();

    long ingestCpu = 0;
    long ingestWall = 0;
    long points = 0;
    List<Long> evaluateCpuNanos = new ArrayList<>();
    List<Transition> transitions = new ArrayList<>();
    for (int round = 0; round < WARM_ROUNDS + timedRounds; round++) {
      boolean timed = round >= WARM_ROUNDS;
      int second = 0;
      for (int h = 0; h < fleet.hosts(); h++) {
        Instant at = pushTime(fleet, round, h);
        while (roundStart(round).plusSeconds(second + 1).isBefore(at)) {
          second++;
          long cpu0 = threads.getCurrentThreadCpuTime();
          transitions.addAll(engine.evaluate(roundStart(round).plusSeconds(second)));
          if (timed) {
            evaluateCpuNanos.add(threads.getCurrentThreadCpuTime() - cpu0);
          }
        }
        long nanos = Point.epochNanos(at);
        List<Point> push =
            parse(
                fleet.push(h, nanos, round, false)
                    + SyntheticWebTraffic.push(SyntheticFleet.hostName(h), nanos, round));
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        transitions.addAll(engine.ingest(push, at));
        if (timed) {
          ingestWall += System.nanoTime() - t0;
          ingestCpu += threads.getCurrentThreadCpuTime() - cpu0;
          points += push.size();
        }
      }
    }
    assertThat(transitions).as("a healthy fleet raises no alert").isEmpty();
    assertThat(engine.sloStatuses(roundStart(WARM_ROUNDS + timedRounds)))
        .as("both SLOs counted the fleet's requests")
        .allSatisfy(status -> assertThat(status.totalEvents()).isPositive());
    long heldHeap = usedHeapAfterGc() - emptyHeap;
    Reference.reachabilityFence(engine);
    long[] evaluateCpu = evaluateCpuNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    int series =
        fleet.hosts() * (SyntheticFleet.SERIES_PER_HOST + SyntheticWebTraffic.SERIES_PER_HOST);
    String text =
        String.format(
            Locale.ROOT,
            "| hosts | active series | heap held | bytes per active series | points observed"
                + " | ingest CPU | points per CPU-second | ingest wall | evaluate ticks"
                + " | tick CPU median / p99 ms |%n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n"
                + "| %,d | %,d | %.1f MB | %,d | %,d | %.2f s | %,.0f | %.2f s | %,d | %.1f / %.1f"
                + " |%n",
            fleet.hosts(),
            series,
            heldHeap / 1e6,
            heldHeap / series,
            points,
            ingestCpu / 1e9,
            points / (ingestCpu / 1e9),
            ingestWall / 1e9,
            evaluateCpu.length,
            quantile(evaluateCpu, 0.5) / 1e6,
            quantile(evaluateCpu, 0.99) / 1e6);
    Path file = Path.of("target", "benchmarks", "alert-engine-ingest.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The fleet benchmark's SLOs: requests answered ok, and requests answered within 250 ms. */
  private static List<SloDefinition> fleetSlos() {
    return List.of(
        SloDefinition.builder(
                "blog-availability", 0.999, new RatioSli("http_requests", "ok", "total"))
            .build(),
        SloDefinition.builder(
                "blog-latency",
                0.99,
                new LatencySli("http_request_duration", Duration.ofMillis(250)))
            .build());
  }

  private static List<AlertRule> defaultRules() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      List<Path> ruleFiles =
          files.filter(file -> file.getFileName().toString().endsWith(".yml")).sorted().toList();
      return new RuleFileReader().readAll(ruleFiles);
    }
  }

  private static Instant roundStart(int round) {
    return START.plusSeconds((long) round * SyntheticFleet.INTERVAL_SECONDS);
  }

  /** Hosts push spread over the interval, as agents with a random start offset do. */
  private static Instant pushTime(SyntheticFleet fleet, int round, int h) {
    long offsetMillis = (long) h * SyntheticFleet.INTERVAL_SECONDS * 1000 / fleet.hosts();
    return roundStart(round).plusMillis(offsetMillis);
  }

  private static List<Point> parse(String lines) {
    ParseResult parsed = LineProtocolParser.parse(lines, Precision.NANOSECONDS, 0);
    assertThat(parsed.errors()).isEmpty();
    return parsed.points();
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

  private static void report(
      SyntheticFleet fleet,
      int rules,
      int tracked,
      long bytes,
      List<Long> ingestNanos,
      List<Long> evaluateNanos,
      List<Long> evaluateCpuNanos)
      throws IOException {
    long[] ingest = ingestNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] evaluate = evaluateNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] evaluateCpu = evaluateCpuNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    String text =
        String.format(
            Locale.ROOT,
            "| active series | hosts | rules | alert keys kept | heap held | bytes per active series"
                + " | bytes per alert key |%n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n"
                + "| %,d | %,d | %d | %,d | %.1f MB | %,d | %,d |%n%n"
                + "| step | samples | median ms | p99 ms | max ms |%n| --- | ---: | ---: | ---: | ---: |%n"
                + "| ingest of one push (50 points) | %,d | %.3f | %.3f | %.3f |%n"
                + "| evaluate (one tick, all rules) | %,d | %.1f | %.1f | %.1f |%n"
                + "| evaluate, CPU time of the thread | %,d | %.1f | %.1f | %.1f |%n",
            fleet.series(),
            fleet.hosts(),
            rules,
            tracked,
            bytes / 1e6,
            bytes / fleet.series(),
            bytes / tracked,
            ingest.length,
            quantile(ingest, 0.5) / 1e6,
            quantile(ingest, 0.99) / 1e6,
            ingest[ingest.length - 1] / 1e6,
            evaluate.length,
            quantile(evaluate, 0.5) / 1e6,
            quantile(evaluate, 0.99) / 1e6,
            evaluate[evaluate.length - 1] / 1e6,
            evaluateCpu.length,
            quantile(evaluateCpu, 0.5) / 1e6,
            quantile(evaluateCpu, 0.99) / 1e6,
            evaluateCpu[evaluateCpu.length - 1] / 1e6);
    Path file = Path.of("target", "benchmarks", "alert-engine.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Nearest-rank quantile of sorted values. */
  private static long quantile(long[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
