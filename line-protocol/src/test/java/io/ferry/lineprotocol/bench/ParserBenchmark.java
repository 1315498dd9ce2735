package io.ferry.lineprotocol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.ParseRules;
import io.ferry.lineprotocol.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Lines per second of {@link LineProtocolParser} on one thread, with JMH: a whole body of {@value
 * BenchmarkBodies#LINES} lines per operation, counted as that many operations, so the scores are
 * lines per second. Bodies: {@code agent} (what the Ferry agent sends), {@code fleet} (32 such
 * bodies from other hosts, parsed in turn, as a collector meets them), {@code telegraf} (Telegraf
 * 1.x output) and {@code escaped} (lines that need unescaping); each parsed bare ({@code parse})
 * and with the collector's per-point checks ({@code parseWithChecks}). {@link CpuTimeProfiler} adds
 * lines per CPU-second, the figure per core on a shared machine.
 *
 * <p>Not part of the test suite (surefire leaves out {@code *Benchmark}); run with
 *
 * <pre>
 * nice mvn -o -q -B -pl line-protocol test -Dtest=ParserBenchmark
 * </pre>
 *
 * <p>Options: {@code -Dferry.jmh.forks} (default 3), {@code -Dferry.jmh.warmups} (5), {@code
 * -Dferry.jmh.iterations} (5), {@code -Dferry.jmh.seconds} per iteration (2), {@code
 * -Dferry.jmh.include} (a regex over benchmark names), {@code -Dferry.jmh.shapes} (bodies,
 * comma-separated, e.g. {@code agent}), {@code -Dferry.jmh.profilers} (JMH profiler names,
 * comma-separated, e.g. {@code gc}). Writes {@code target/benchmarks/parser-jmh.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

  /** The collector's clock when the bodies arrive: a day after their first timestamp. */
  private static final long RECEIVED_NANOS = 1_700_086_400_000_000_000L;

  private static final long MAX_AGE_NANOS = TimeUnit.DAYS.toNanos(3650);
  private static final long MAX_FUTURE_NANOS = TimeUnit.HOURS.toNanos(1);

  @Param({"agent", "fleet", "telegraf", "escaped"})
  public String shape;

  /** The bodies parsed in turn: one, except for {@code fleet}. */
  private String[] bodies;

  private int next;
  private ParseRules checks;

  @Setup
  public void setUp() {
    bodies =
        switch (shape) {
          case "agent" -> new String[] {BenchmarkBodies.agent()};
          case "fleet" -> BenchmarkBodies.fleet();
          case "telegraf" -> new String[] {BenchmarkBodies.telegraf()};
          case "escaped" -> new String[] {BenchmarkBodies.escaped()};
          default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    checks =
        new ParseRules(
            65_536, new CollectorLikeRule(RECEIVED_NANOS, MAX_AGE_NANOS, MAX_FUTURE_NANOS));
    for (int i = 0; i < bodies.length; i++) {
      requireEveryLineAPoint(parse());
      requireEveryLineAPoint(parseWithChecks());
    }
  }

  private static void requireEveryLineAPoint(ParseResult result) {
    if (result.hasErrors() || result.points().size() != BenchmarkBodies.LINES) {
      throw new IllegalStateException(
          result.points().size() + " points, first errors: " + result.errors().stream().limit(3));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkBodies.LINES)
  public ParseResult parse() {
    return LineProtocolParser.parse(nextBody(), Precision.NANOSECONDS, RECEIVED_NANOS);
  }

  @Benchmark
  @OperationsPerInvocation(BenchmarkBodies.LINES)
  public ParseResult parseWithChecks() {
    return LineProtocolParser.parse(nextBody(), Precision.NANOSECONDS, RECEIVED_NANOS, checks);
  }

  private String nextBody() {
    String body = bodies[next];
    next = (next + 1) % bodies.length;
    return body;
  }

  @Test
  void run() throws Exception {
    Path out = Path.of("target", "benchmarks");
    Files.createDirectories(out);
    var options =
        new OptionsBuilder()
            .include(
                ParserBenchmark.class.getName()
                    + ".("
                    + System.getProperty("ferry.jmh.include", ".*")
                    + ")")
            .forks(Integer.getInteger("ferry.jmh.forks", 3))
            .warmupIterations(Integer.getInteger("ferry.jmh.warmups", 5))
            .warmupTime(TimeValue.seconds(Integer.getInteger("ferry.jmh.seconds", 2)))
            .measurementIterations(Integer.getInteger("ferry.jmh.iterations", 5))
            .measurementTime(TimeValue.seconds(Integer.getInteger("ferry.jmh.seconds", 2)))
            .threads(1)
            .jvmArgsAppend("-Xms1g", "-Xmx1g")
            .addProfiler(CpuTimeProfiler.class)
            .resultFormat(ResultFormatType.TEXT)
            .result(out.resolve("parser-jmh.txt").toString());
    String shapes = System.getProperty("ferry.jmh.shapes", "");
    if (!shapes.isBlank()) {
      options.param("shape", shapes.split(","));
    }
    for (String profiler : System.getProperty("ferry.jmh.profilers", "").split(",")) {
      if (!profiler.isBlank()) {
        options.addProfiler(profiler.trim());
      }
    }
    System.out.printf(
        "bodies of %d lines: agent %d, telegraf %d, escaped %d characters%n",
        BenchmarkBodies.LINES,
        BenchmarkBodies.agent().length(),
        BenchmarkBodies.telegraf().length(),
        BenchmarkBodies.escaped().length());
    String loadBefore = loadAverage();
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println("load average before: " + loadBefore + "; after: " + loadAverage());
    assertThat(results).isNotEmpty();
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Files.readString(loadavg).trim() : "unknown";
  }
}
