package io.ferry.agent.input.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.lineprotocol.FieldValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast the access log input reads and counts nginx lines (format {@code nginx_vhost}, 20
 * virtual hosts, 4 methods, all status classes, default buckets), and what that costs in CPU time
 * per line. Not part of the test suite (the class name does not end in {@code Test}); run with
 *
 * <pre>mvn -o -q -B -pl agent test -Dtest=AccessLogBenchmark -Dferry.benchmark.lines=1000000
 * </pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/access-log.md}.
 */
class AccessLogBenchmark {

  private static final String[] METHODS = {"GET", "GET", "GET", "POST", "HEAD", "PUT"};
  private static final int[] STATUSES = {200, 200, 200, 200, 304, 301, 404, 500, 201};

  @TempDir Path dir;

  @Test
  void readsAndCountsLines() throws Exception {
    int lines = Integer.getInteger("ferry.benchmark.lines", 500_000);
    Path log = dir.resolve("access.log");
    writeLog(log, lines);
    long bytes = Files.size(log);
    var config =
        new AccessLogConfig(
            "bench",
            log,
            LogFormat.parse("nginx_vhost"),
            Optional.empty(),
            StartAt.BEGINNING,
            Duration.ofSeconds(1),
            SloBuckets.DEFAULT,
            Map.of());
    // A warm-up pass over the same file, so the JIT has compiled the reading path.
    AccessLogInput warmUp = input(config, "warm-up");
    warmUp.readNow();

    AccessLogInput input = input(config, "measured");
    var threads = ManagementFactory.getThreadMXBean();
    long cpuBefore = threads.getCurrentThreadCpuTime();
    long started = System.nanoTime();
    input.readNow();
    long elapsedNanos = System.nanoTime() - started;
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpuBefore;

    var collected = new CollectingAccumulator();
    input.collect(collected);
    long counted =
        collected.points().stream()
            .filter(p -> p.measurement().equals("http_requests"))
            .mapToLong(p -> ((FieldValue.IntegerValue) p.fields().get("total")).value())
            .sum();
    assertThat(counted).isEqualTo(lines);

    double seconds = elapsedNanos / 1e9;
    String report =
        String.format(
            "| lines | MiB | wall s | lines/s | CPU µs per line | CPU ms per 10 min at 50 req/s |%n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: |%n"
                + "| %d | %.1f | %.2f | %.0f | %.2f | %.0f |%n",
            lines,
            bytes / 1048576.0,
            seconds,
            lines / seconds,
            cpuNanos / 1e3 / lines,
            cpuNanos / 1e6 / lines * 50 * 600);
    Path file = Path.of("target", "benchmarks", "access-log.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report, StandardCharsets.UTF_8);
  }

  private AccessLogInput input(AccessLogConfig config, String state) throws IOException {
    Path stateDirectory = dir.resolve(state);
    var input = new AccessLogInput(config, stateDirectory, stateDirectory.resolve("offset"));
    input.open();
    return input;
  }

  private static void writeLog(Path log, int lines) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        out.write("site");
        out.write(Integer.toString(i % 20));
        out.write(".example.com 192.0.2.");
        out.write(Integer.toString(i % 250));
        out.write(" - - [26/Nov/2026:10:00:00 +0000] \"");
        out.write(METHODS[i % METHODS.length]);
        out.write(" /shop/item/");
        out.write(Integer.toString(i));
        out.write("?ref=home HTTP/1.1\" ");
        out.write(Integer.toString(STATUSES[i % STATUSES.length]));
        out.write(" 5120 \"https://site.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" ");
        out.write(Integer.toString(i % 3));
        out.write('.');
        out.write(String.format("%03d", i % 1000));
        out.write('\n');
      }
    }
  }
}
