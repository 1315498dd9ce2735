package io.ferry.demo;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.IngestConfig;
import io.ferry.demo.FleetSampler.Sample;
import io.ferry.demo.ResponseTimes.Period;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of one {@link FleetBenchmark} run, written as Markdown ({@code fleet.md}) and the
 * memory and CPU samples as CSV ({@code fleet-samples.csv}).
 *
 * @param stored points InfluxDB holds, per counted measurement and field
 * @param notifications the webhook notifications received, as "alertname status host" lines
 */
record FleetReport(
    FleetSettings settings,
    Instant started,
    double loadBefore,
    double loadAfter,
    TreeMap<Integer, Period> minutes,
    Period overall,
    List<Sample> samples,
    int metricsFailures,
    long generatedPoints,
    long acknowledgedPoints,
    long droppedPoints,
    long undelivered,
    long unconfirmedPoints,
    boolean countedWithNothingPending,
    Map<String, Long> stored,
    int maxInFlight,
    double generatorMaxLateMillis,
    List<String> notifications,
    List<String> refusals,
    boolean collectorSurvived) {

  /** The p99 response time goal of the issue, in milliseconds. */
  static final double P99_GOAL_MILLIS = 100;

  /** Samples before this many seconds are start-up (heap and JIT growing), not the trend. */
  static final double WARM_UP_SECONDS = 120;

  long storedPoints() {
    return stored.values().stream().mapToLong(Long::longValue).sum();
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("fleet.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("fleet-samples.csv"), csv(), StandardCharsets.UTF_8);
  }

  String markdown() {
    var out = new StringBuilder();
    out.append(
        f(
            "# Collector: a fleet of %,d agents%n%nStarted %s; %,d simulated agents, each %d points"
                + " every %d s (gzip, own token, `/api/v2/write`), held for %s; one client, at"
                + " most %d connections (%d in flight at most). Collector: the packaged one"
                + " through its launcher, heap %s, flush interval %s, max expected wait %s, the shipped"
                + " rules, %s. Load"
                + " average %.2f"
                + " before, %.2f after; %d cores.%n%n",
            settings.agents(),
            started,
            settings.agents(),
            SimulatedFleet.pointsPerPush(),
            FleetSettings.INTERVAL.toSeconds(),
            settings.duration(),
            settings.connections(),
            maxInFlight,
            settings.heap().map(h -> "`FERRY_HEAP=" + h + "`").orElse("the launcher's default"),
            settings
                .flushInterval()
                .orElse(BatchingConfig.DEFAULT_FLUSH_INTERVAL.toMillis() + "ms (the default)"),
            settings
                .maxExpectedWait()
                .orElse(IngestConfig.DEFAULT_MAX_EXPECTED_WAIT.toSeconds() + "s (the default)"),
            settings.slos() ? "two SLOs on the access-log series" : "no SLO",
            loadBefore,
            loadAfter,
            Runtime.getRuntime().availableProcessors()));
    if (!collectorSurvived) {
      out.append("**The collector stopped during the run**: see `fleet-collector.log`.\n\n");
    }
    double p99 = overall.millis(99);
    OptionalDouble rssSlope = slopePerMinute(s -> asDouble(s.collectorRssBytes()));
    OptionalDouble liveSlope = slopePerMinute(Sample::liveDataBytes);
    out.append("| goal | measured | met |\n| --- | --- | --- |\n");
    out.append(
        f(
            "| p99 ingest response under %.0f ms | p99 %.1f ms over %,d requests, %,d of them"
                + " without an answer within %d s (worst minute %.1f ms) | %s |%n",
            P99_GOAL_MILLIS,
            p99,
            overall.requests(),
            overall.withStatus(ResponseTimes.NO_ANSWER),
            FleetSettings.REQUEST_TIMEOUT.toSeconds(),
            minutes.values().stream().mapToDouble(m -> m.millis(99)).max().orElse(0),
            overall.requests() > 0 && p99 < P99_GOAL_MILLIS ? "yes" : "no"));
    out.append(
        f(
            "| nothing lost | %,d points acknowledged (204), %,d in InfluxDB (counted %s); %,d"
                + " dropped on a refusal, %,d batches undelivered at the end (%,d points of them"
                + " sent without an answer, which InfluxDB may hold) | %s |%n",
            acknowledgedPoints,
            storedPoints(),
            countedWithNothingPending
                ? "once the agents stopped and the collector held no point"
                : "while the collector still held points",
            droppedPoints,
            undelivered,
            unconfirmedPoints,
            acknowledgedPoints == storedPoints()
                    && droppedPoints == 0
                    && undelivered == 0
                    && acknowledgedPoints == generatedPoints
                ? "yes"
                : "no"));
    out.append(
        f(
            "| collector memory flat | resident %s MiB after warm-up, %s MiB at the end (%s MiB"
                + " a minute); heap live data after GC %s MiB a minute | see trend |%n%n",
            mib(rssAt(WARM_UP_SECONDS)),
            mib(last(s -> asDouble(s.collectorRssBytes()))),
            slope(rssSlope),
            slope(liveSlope)));
    out.append(
        "| minute | requests | 204 | 503 | 429 | other | no answer | p50 ms | p99 ms | p99.9 ms"
            + " | max ms |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            + " ---: |\n");
    minutes.forEach((minute, period) -> out.append(row(String.valueOf(minute + 1), period)));
    out.append(row("all", overall)).append('\n');
    out.append(
        "| s | collector RSS MiB | heap used MiB | live data MiB | pending points | alert queue"
            + " points | refused for the alert queue | collector CPU % | InfluxDB RSS MiB | InfluxDB"
            + " CPU % | fleet CPU % | load | InfluxDB writes | p99 of their time, ms |\n"
            + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            + " ---: | ---: |\n");
    Sample previous = null;
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      boolean lastOne = i == samples.size() - 1;
      if (previous == null || lastOne || sample.seconds() - previous.seconds() >= 55) {
        out.append(sampleRow(previous, sample));
        previous = sample;
      }
    }
    out.append(
        f(
            "%nResponse times count every request, those without an answer at the time their"
                + " agent waited. CPU columns: share of one core between the row and the row"
                + " before it; so do the collector's writes to InfluxDB and the p99 of the time"
                + " they took (the upper bound of the histogram bucket that holds it). /metrics"
                + " scrapes that failed: %d. The generator ran at most %.1f ms behind its"
                + " schedule.%n%n",
            metricsFailures, generatorMaxLateMillis));
    out.append("| measurement, field | points in InfluxDB |\n| --- | ---: |\n");
    stored.forEach((what, count) -> out.append(f("| %s | %,d |%n", what, count)));
    out.append(f("| all | %,d |%n%n", storedPoints()));
    out.append(
        f(
            "Notifications received: %d%s%n",
            notifications.size(),
            notifications.isEmpty() ? "." : ": " + String.join("; ", notifications)));
    if (!refusals.isEmpty()) {
      out.append(f("%nRefusals (first %d): %s%n", refusals.size(), String.join("; ", refusals)));
    }
    return out.toString();
  }

  private String csv() {
    var out =
        new StringBuilder(
            "seconds,collector_rss_bytes,collector_cpu_seconds,heap_used_bytes,live_data_bytes,"
                + "pending_points,alert_queued_points,alert_queue_refused,influx_rss_bytes,"
                + "influx_cpu_seconds,fleet_cpu_seconds,load1\n");
    for (Sample s : samples) {
      out.append(
          f(
              "%.1f,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%.2f%n",
              s.seconds(),
              text(asDouble(s.collectorRssBytes())),
              text(s.collectorCpuSeconds()),
              text(s.heapUsedBytes()),
              text(s.liveDataBytes()),
              text(s.pendingPoints()),
              text(s.alertQueuedPoints()),
              text(s.alertQueueRefused()),
              text(asDouble(s.influxRssBytes())),
              text(s.influxCpuSeconds()),
              text(s.fleetCpuSeconds()),
              s.loadAverage()));
    }
    return out.toString();
  }

  private static String row(String minute, Period period) {
    long ok = period.withStatus(204);
    long unavailable = period.withStatus(503);
    long limited = period.withStatus(429);
    long none = period.withStatus(ResponseTimes.NO_ANSWER);
    return f(
        "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f |%n",
        minute,
        period.requests(),
        ok,
        unavailable,
        limited,
        period.requests() - ok - unavailable - limited - none,
        none,
        period.millis(50),
        period.millis(99),
        period.millis(99.9),
        period.maxMillis());
  }

  /** A row of samples, CPU shares since {@code before} (none for the first row). */
  private static String sampleRow(Sample before, Sample now) {
    Sample from = before == null ? now : before;
    double wall = now.seconds() - from.seconds();
    return f(
        "| %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.2f | %s | %s |%n",
        now.seconds(),
        mib(asDouble(now.collectorRssBytes())),
        mib(now.heapUsedBytes()),
        mib(now.liveDataBytes()),
        count(now.pendingPoints()),
        count(now.alertQueuedPoints()),
        count(now.alertQueueRefused()),
        percent(from.collectorCpuSeconds(), now.collectorCpuSeconds(), wall),
        mib(asDouble(now.influxRssBytes())),
        percent(from.influxCpuSeconds(), now.influxCpuSeconds(), wall),
        percent(from.fleetCpuSeconds(), now.fleetCpuSeconds(), wall),
        now.loadAverage(),
        before == null ? "-" : count(writes(from, now, 1)),
        before == null ? "-" : millis(writes(from, now, 0.99)));
  }

  /**
   * From the collector's histogram of its InfluxDB write times: with {@code quantile} 1 the number
   * of writes between two samples, otherwise the upper bound in seconds of the bucket that holds
   * that quantile of them; empty when either sample lacks the histogram or no write was made.
   */
  static OptionalDouble writes(Sample from, Sample to, double quantile) {
    if (from.influxWrites().isEmpty() || to.influxWrites().isEmpty()) {
      return OptionalDouble.empty();
    }
    double total =
        to.influxWrites().get(Double.POSITIVE_INFINITY)
            - from.influxWrites().get(Double.POSITIVE_INFINITY);
    if (total <= 0) {
      return OptionalDouble.empty();
    }
    if (quantile >= 1) {
      return OptionalDouble.of(total);
    }
    for (var bucket : to.influxWrites().entrySet()) {
      double before = from.influxWrites().getOrDefault(bucket.getKey(), 0.0);
      if (bucket.getValue() - before >= quantile * total) {
        return OptionalDouble.of(bucket.getKey());
      }
    }
    return OptionalDouble.of(Double.POSITIVE_INFINITY);
  }

  private static String millis(OptionalDouble seconds) {
    if (seconds.isEmpty()) {
      return "-";
    }
    double value = seconds.getAsDouble();
    return Double.isInfinite(value) ? "over 30,000" : f("%,.0f", value * 1000);
  }

  private static String count(OptionalDouble value) {
    return value.isPresent() ? f("%,.0f", value.getAsDouble()) : "-";
  }

  /** Least-squares slope of a value over the samples after the warm-up, per minute. */
  OptionalDouble slopePerMinute(Function<Sample, OptionalDouble> value) {
    double n = 0;
    double sumX = 0;
    double sumY = 0;
    double sumXx = 0;
    double sumXy = 0;
    for (Sample s : samples) {
      OptionalDouble y = value.apply(s);
      if (s.seconds() < WARM_UP_SECONDS || y.isEmpty()) {
        continue;
      }
      double x = s.seconds() / 60;
      n++;
      sumX += x;
      sumY += y.getAsDouble();
      sumXx += x * x;
      sumXy += x * y.getAsDouble();
    }
    double denominator = n * sumXx - sumX * sumX;
    if (n < 3 || denominator == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((n * sumXy - sumX * sumY) / denominator);
  }

  private OptionalDouble rssAt(double seconds) {
    return samples.stream()
        .filter(s -> s.seconds() >= seconds && s.collectorRssBytes().isPresent())
        .findFirst()
        .map(s -> asDouble(s.collectorRssBytes()))
        .orElse(OptionalDouble.empty());
  }

  private OptionalDouble last(Function<Sample, OptionalDouble> value) {
    for (int i = samples.size() - 1; i >= 0; i--) {
      OptionalDouble v = value.apply(samples.get(i));
      if (v.isPresent()) {
        return v;
      }
    }
    return OptionalDouble.empty();
  }

  private static String percent(OptionalDouble before, OptionalDouble now, double wallSeconds) {
    if (before.isEmpty() || now.isEmpty() || wallSeconds <= 0) {
      return "-";
    }
    return f("%.0f", 100 * (now.getAsDouble() - before.getAsDouble()) / wallSeconds);
  }

  private static String slope(OptionalDouble bytesPerMinute) {
    return bytesPerMinute.isPresent()
        ? f("%+.1f", bytesPerMinute.getAsDouble() / (1024 * 1024))
        : "- (run too short)";
  }

  private static String mib(OptionalDouble bytes) {
    return bytes.isPresent() ? f("%.0f", bytes.getAsDouble() / (1024 * 1024)) : "-";
  }

  private static OptionalDouble asDouble(OptionalLong value) {
    return value.isPresent() ? OptionalDouble.of(value.getAsLong()) : OptionalDouble.empty();
  }

  private static String text(OptionalDouble value) {
    return value.isPresent() ? f("%.1f", value.getAsDouble()) : "";
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
