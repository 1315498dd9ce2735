package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.IngestConfig;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest throughput of the collector in front of a real InfluxDB 1.6.7: concurrent clients post
 * gzip batches of 5,000 lines (3 tags, 5 float fields, 10,000 series) to {@code /api/v2/write}; the
 * rate counts points acknowledged with 204, that is, written to InfluxDB. Not part of the test
 * suite (the name does not end in Test). Both paths are first warmed up with other series ({@code
 * -Dferry.benchmark.warmup} points, 200,000 by default), so that the JIT's compilation is not
 * counted as the collector's cost per point. Then {@code -Dferry.benchmark.rounds} rounds (3 by
 * default), each with new series, post the same bodies through the collector and straight to
 * InfluxDB, the two paths taking turns going first; the report gives each round and the median
 * share. Run it with
 *
 * <pre>mvn -o -q -B -pl collector test -Dtest=IngestBenchmark -Dferry.benchmark.points=1000000
 * </pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/ingest.md}.
 */
class IngestBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(IngestBenchmark.class);

  private static final int LINES_PER_BATCH = 5_000;
  private static final int SERIES = 10_000;
  private static final int CLIENTS = 4;

  @TempDir Path influxState;

  @Test
  void pointsPerSecondThroughTheCollectorIntoInfluxDb() throws Exception {
    int points = Integer.getInteger("ferry.benchmark.points", 500_000);
    int batches = Math.max(CLIENTS, points / LINES_PER_BATCH);
    int warmUpBatches = Integer.getInteger("ferry.benchmark.warmup", 200_000) / LINES_PER_BATCH;
    long firstTimestamp = System.currentTimeMillis() * 1_000_000L - 3_600_000_000_000L;
    int rounds = Integer.getInteger("ferry.benchmark.rounds", 3);
    // Each round its own measurement, so that each round's series are new on both paths.
    List<List<Buffer>> roundBodies = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<Buffer> bodies = new ArrayList<>();
      for (int b = 0; b < batches; b++) {
        bodies.add(gzipBatch("bench" + round, b, firstTimestamp));
      }
      roundBodies.add(bodies);
    }
    // Other series than the measured ones, so that both paths still create their series while
    // measured.
    List<Buffer> warmUpBodies = new ArrayList<>();
    for (int b = 0; b < warmUpBatches; b++) {
      warmUpBodies.add(gzipBatch("warmup", b, firstTimestamp));
    }
    try (LocalInfluxDb influx = LocalInfluxDb.start(influxState)) {
      Vertx vertx = Vertx.vertx();
      try {
        var collector = new CollectorVerticle(withDefaultBatching(influx.url()));
        vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
        WebClient client =
            WebClient.create(
                vertx,
                new WebClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(collector.actualPort()));
        WebClient direct =
            WebClient.create(
                vertx,
                new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(influx.port()));
        influx.createDatabase("bench_direct");
        // A collector runs for months: its JIT compilation is not part of the cost per point.
        sendAll(client, warmUpBodies, "/api/v2/write", "Token " + TestConfigs.TOKEN);
        sendAll(direct, warmUpBodies, "/write?db=bench_direct", null);
        LOG.info("Warmed up with {} points on each path", warmUpBatches * LINES_PER_BATCH);

        List<String> lines = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          List<Buffer> bodies = roundBodies.get(round);
          // The two paths take turns going first, so that neither always meets InfluxDB busy
          // with compacting what the other wrote.
          CpuUse throughCollector = null;
          CpuUse straight = null;
          for (int turn = 0; turn < 2; turn++) {
            if ((turn + round) % 2 == 0) {
              var collectorRun = CpuUse.start(influx.pid());
              int acknowledged =
                  sendAll(client, bodies, "/api/v2/write", "Token " + TestConfigs.TOKEN);
              throughCollector = collectorRun.stop();
              // For reading a flight recording: when the collector's part of a round ended.
              LOG.info(
                  "Round {}, through the collector: {} points acknowledged", round, acknowledged);
              assertThat(acknowledged).isEqualTo(batches * LINES_PER_BATCH);
            } else {
              // The same bodies straight to InfluxDB: what the collector's parsing and forwarding
              // costs on this machine.
              var directRun = CpuUse.start(influx.pid());
              int directPoints = sendAll(direct, bodies, "/write?db=bench_direct", null);
              straight = directRun.stop();
              assertThat(directPoints).isEqualTo(batches * LINES_PER_BATCH);
            }
          }
          lines.add(line(round + 1, batches * LINES_PER_BATCH, throughCollector, straight));
          shares.add(straight.seconds() / throughCollector.seconds());
        }
        report(lines, shares);
      } finally {
        vertx.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  /** The tests' configuration, but with the shipped batching defaults. */
  private static CollectorConfig withDefaultBatching(String influxUrl) {
    CollectorConfig test = TestConfigs.collector(influxUrl, InfluxApi.V1, "bench");
    InfluxConfig influx = test.influxdb();
    return new CollectorConfig(
        test.listen(),
        test.auth(),
        new IngestConfig(16L * 1024 * 1024),
        new InfluxConfig(
            influx.url(),
            influx.api(),
            Duration.ofSeconds(30),
            influx.destination(),
            influx.credentials(),
            batching()));
  }

  /**
   * The shipped batching defaults, or what {@code -Dferry.benchmark.batchMaxPoints} and {@code
   * -Dferry.benchmark.maxConcurrentWrites} say instead.
   */
  private static BatchingConfig batching() {
    BatchingConfig defaults = BatchingConfig.defaults();
    return new BatchingConfig(
        Integer.getInteger("ferry.benchmark.batchMaxPoints", defaults.maxPoints()),
        defaults.flushInterval(),
        defaults.maxPendingPoints(),
        Integer.getInteger("ferry.benchmark.maxConcurrentWrites", defaults.maxConcurrentWrites()),
        defaults.deadLetters());
  }

  private static int sendAll(WebClient client, List<Buffer> bodies, String path, String auth)
      throws Exception {
    List<Future<Integer>> senders = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      senders.add(send(client, bodies, c, path, auth));
    }
    int sent = 0;
    for (Future<Integer> sender : senders) {
      sent += sender.await(10, TimeUnit.MINUTES);
    }
    return sent;
  }

  /** Client {@code c} sends every CLIENTS-th batch, one request at a time. */
  private static Future<Integer> send(
      WebClient client, List<Buffer> bodies, int c, String path, String auth) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (int b = c; b < bodies.size(); b += CLIENTS) {
      Buffer body = bodies.get(b);
      chain =
          chain.compose(
              sent -> {
                var request = client.post(path).putHeader("Content-Encoding", "gzip");
                if (auth != null) {
                  request.putHeader("Authorization", auth);
                }
                return request
                    .sendBuffer(body)
                    .map(
                        response -> {
                          if (response.statusCode() != 204) {
                            throw new IllegalStateException(
                                path
                                    + " answered "
                                    + response.statusCode()
                                    + ": "
                                    + response.bodyAsString());
                          }
                          return sent + LINES_PER_BATCH;
                        });
              });
    }
    return chain;
  }

  private static Buffer gzipBatch(String measurement, int batch, long firstTimestamp)
      throws IOException {
    var text = new StringBuilder(LINES_PER_BATCH * 120);
    for (int i = 0; i < LINES_PER_BATCH; i++) {
      int n = batch * LINES_PER_BATCH + i;
      int series = n % SERIES;
      text.append(measurement)
          .append(",host=host")
          .append(series % 1000)
          .append(",region=r")
          .append(series % 7)
          .append(",service=s")
          .append(series / 1000)
          .append(" a=")
          .append(n % 97)
          .append(".5,b=")
          .append(n % 13)
          .append(".25,c=1.0,d=")
          .append(series)
          .append(".0,e=0.125 ")
          .append(firstTimestamp + (long) (n / SERIES) * 1_000_000_000L)
          .append('\n');
    }
    var bytes = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    return Buffer.buffer(bytes.toByteArray());
  }

  /** One round's row of the report. */
  private static String line(int round, int points, CpuUse collector, CpuUse direct)
      throws IOException {
    double perMillion = 1e6 / points;
    // The clients run in this JVM too: what this JVM used while posting straight to InfluxDB is
    // the clients' share, and the rest of what it used while posting through the collector is the
    // collector's.
    double collectorCpu = collector.jvmCpuSeconds() - direct.jvmCpuSeconds();
    return String.format(
        Locale.ROOT,
        "| %d | %s | %,d | %.1f s | %,.0f | %.1f s | %,.0f | %.0f %% | %.2f s | %.2f s | %.2f s |"
            + " %.2f s |%n",
        round,
        loadAverages(),
        points,
        collector.seconds(),
        points / collector.seconds(),
        direct.seconds(),
        points / direct.seconds(),
        100 * direct.seconds() / collector.seconds(),
        collectorCpu * perMillion,
        collector.influxCpuSeconds() * perMillion,
        direct.influxCpuSeconds() * perMillion,
        direct.jvmCpuSeconds() * perMillion);
  }

  private static void report(List<String> lines, List<Double> shares) throws IOException {
    List<Double> sorted = shares.stream().sorted().toList();
    Path file = Path.of("target", "benchmarks", "ingest.md");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "| round | load average | points | through the collector | points/s | straight to"
            + " InfluxDB | points/s | share | collector CPU per million points | InfluxDB CPU per"
            + " million (through the collector) | InfluxDB CPU per million (straight) | clients' CPU"
            + " per million |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            + " ---: | ---: |\n"
            + String.join("", lines)
            + String.format(
                Locale.ROOT,
                "%nMedian share over %d rounds: %.0f %%%n",
                sorted.size(),
                100 * sorted.get(sorted.size() / 2)),
        StandardCharsets.UTF_8);
  }

  private static String loadAverages() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  /** Wall time and CPU time of this JVM and of InfluxDB over one phase of the benchmark. */
  private record CpuUse(double seconds, double jvmCpuSeconds, double influxCpuSeconds) {

    static Phase start(long influxPid) {
      return new Phase(influxPid, System.nanoTime(), jvmCpuNanos(), influxCpuNanos(influxPid));
    }

    private static long jvmCpuNanos() {
      return ((com.sun.management.OperatingSystemMXBean)
              ManagementFactory.getOperatingSystemMXBean())
          .getProcessCpuTime();
    }

    private static long influxCpuNanos(long pid) {
      return ProcessHandle.of(pid)
          .flatMap(process -> process.info().totalCpuDuration())
          .orElseThrow(
              () -> new IllegalStateException("no CPU time for InfluxDB (pid " + pid + ")"))
          .toNanos();
    }

    record Phase(long influxPid, long startNanos, long jvmCpuStart, long influxCpuStart) {
      CpuUse stop() {
        return new CpuUse(
            (System.nanoTime() - startNanos) / 1e9,
            (jvmCpuNanos() - jvmCpuStart) / 1e9,
            (influxCpuNanos(influxPid) - influxCpuStart) / 1e9);
      }
    }
  }
}
