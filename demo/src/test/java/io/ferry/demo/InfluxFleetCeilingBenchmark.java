package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.SyntheticFleet;
import io.ferry.testkit.SyntheticWebTraffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many of the fleet benchmark's points InfluxDB 1.6.7 takes on this machine with no collector
 * in front of it: the same 2,000 hosts' pushes ({@link SyntheticFleet} and {@link
 * SyntheticWebTraffic}, 400,000 series, 200 lines per host and tick), one tick after another,
 * posted straight to {@code /write} in bodies of 25 hosts (5,000 lines, what the collector's group
 * commit forms) from two threads, as fast as InfluxDB answers. Reports per tick the lines per
 * second and InfluxDB's CPU per million lines, and at the end its resident memory. The fleet
 * benchmark needs 40,000 lines per second; this says whether InfluxDB alone can take them here. Not
 * part of the test suite (the name ends in Benchmark); run it with
 *
 * <pre>mvn -o -q -B verify -pl demo -am -Dtest=InfluxFleetCeilingBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true</pre>
 *
 * <p>{@code -Dferry.benchmark.ticks=N} (default 10). InfluxDB's own settings can be changed through
 * its environment variables (e.g. {@code INFLUXDB_DATA_CACHE_SNAPSHOT_MEMORY_SIZE}), which the test
 * kit passes on. Writes {@code target/benchmarks/influx-fleet-ceiling.md}.
 */
class InfluxFleetCeilingBenchmark {

  private static final int HOSTS = 2_000;
  private static final int HOSTS_PER_BODY = 25;
  private static final long TICK_NANOS = Duration.ofSeconds(10).toNanos();
  private static final Path RESULTS = Path.of("target", "benchmarks");

  @TempDir Path dir;

  @Test
  void influxDbAloneTakesTheFleetsPoints() throws Exception {
    int ticks = Integer.getInteger("ferry.benchmark.ticks", 10);
    SyntheticFleet shapes = SyntheticFleet.withSeries(HOSTS * SyntheticFleet.SERIES_PER_HOST);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService senders = Executors.newFixedThreadPool(2);
    var report = new StringBuilder();
    report
        .append("# InfluxDB alone with the fleet's points\n\n")
        .append("| tick | lines | seconds | lines/s | InfluxDB CPU-s per million lines |\n")
        .append("| ---: | ---: | ---: | ---: | ---: |\n");
    try (LocalInfluxDb influx = LocalInfluxDb.start(dir)) {
      influx.createDatabase("fleet");
      URI write = URI.create(influx.url() + "/write?db=fleet");
      long start = System.currentTimeMillis() * 1_000_000L - ticks * TICK_NANOS;
      long totalLines = 0;
      double totalSeconds = 0;
      for (int tick = 0; tick < ticks; tick++) {
        long cpuBefore = cpuTicks(influx.pid());
        long began = System.nanoTime();
        List<Future<Integer>> bodies = new ArrayList<>();
        for (int first = 0; first < HOSTS; first += HOSTS_PER_BODY) {
          String body = body(shapes, first, start + tick * TICK_NANOS, tick);
          bodies.add(senders.submit(() -> post(http, write, body)));
        }
        long lines = 0;
        for (Future<Integer> body : bodies) {
          lines += body.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double cpuSeconds = (cpuTicks(influx.pid()) - cpuBefore) / 100.0;
        totalLines += lines;
        totalSeconds += seconds;
        report.append(
            String.format(
                Locale.ROOT,
                "| %d | %,d | %.1f | %,.0f | %.1f |%n",
                tick + 1,
                lines,
                seconds,
                lines / seconds,
                cpuSeconds / (lines / 1e6)));
      }
      report.append(
          String.format(
              Locale.ROOT,
              "%nAll ticks: %,d lines in %.1f s, %,.0f lines/s; InfluxDB resident %s at the end;"
                  + " load average %s.%n",
              totalLines,
              totalSeconds,
              totalLines / totalSeconds,
              residentMemory(influx.pid()),
              Files.readString(Path.of("/proc/loadavg")).trim()));
      assertThat(totalLines).isEqualTo((long) ticks * HOSTS * pointsPerHost(shapes));
    } finally {
      senders.shutdownNow();
    }
    Files.createDirectories(RESULTS);
    Files.writeString(RESULTS.resolve("influx-fleet-ceiling.md"), report);
    System.out.print(report);
  }

  private static String body(SyntheticFleet shapes, int firstHost, long tickNanos, int tick) {
    var body = new StringBuilder();
    for (int h = firstHost; h < Math.min(HOSTS, firstHost + HOSTS_PER_BODY); h++) {
      long nanos = tickNanos + h * (TICK_NANOS / HOSTS);
      body.append(shapes.push(h, nanos, tick, false))
          .append(SyntheticWebTraffic.push(SyntheticFleet.hostName(h), nanos, tick));
    }
    return body.toString();
  }

  private static int pointsPerHost(SyntheticFleet shapes) {
    return body(shapes, 0, 0, 0).split("\n").length / HOSTS_PER_BODY;
  }

  private static int post(HttpClient http, URI write, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(write)
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    return (int) body.chars().filter(c -> c == '\n').count();
  }

  /** User plus system CPU time of a process, in clock ticks (1/100 s). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String residentMemory(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .map(line -> line.substring("VmRSS:".length()).trim())
        .findFirst()
        .orElse("unknown");
  }
}
