package io.ferry.demo;

import io.ferry.testkit.PrometheusSamples;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, every {@link FleetSettings#INTERVAL}, the resident memory ({@code VmRSS}) and CPU time
 * of the collector, InfluxDB and this JVM (the fleet) from {@code /proc}, the collector's heap,
 * pending points and the times of its writes to InfluxDB from its {@code /metrics}, and the load
 * average. A value that could not be read is left empty, never 0.
 */
final class FleetSampler implements AutoCloseable {

  /** Clock ticks per second of {@code /proc/<pid>/stat}'s times ({@code getconf CLK_TCK}). */
  private static final double CLOCK_TICKS = 100;

  /**
   * One sample.
   *
   * @param seconds since the fleet started
   * @param collectorRssBytes the collector's resident memory
   * @param collectorCpuSeconds the collector's CPU time (user and system) since it started
   * @param heapUsedBytes the collector's heap in use ({@code jvm_memory_used_bytes}, area heap)
   * @param liveDataBytes the collector's old generation after its last full or mixed collection
   *     ({@code jvm_gc_live_data_size_bytes})
   * @param pendingPoints points waiting for InfluxDB ({@code ferry_collector_pending_points})
   * @param alertQueuedPoints points waiting for the alert engine ({@code
   *     ferry_collector_alert_queued_points})
   * @param alertQueueRefused pushes refused so far because the alert engine's queue was full
   *     ({@code ferry_collector_alert_queue_refused_total})
   * @param influxRssBytes InfluxDB's resident memory
   * @param influxCpuSeconds InfluxDB's CPU time
   * @param fleetCpuSeconds this JVM's CPU time (the simulated agents)
   * @param loadAverage the one-minute load average of the machine
   * @param influxWrites the collector's writes to InfluxDB so far by how long they took: the
   *     cumulative count of {@code ferry_collector_influx_write_seconds_bucket} by its upper bound
   *     in seconds (the last one infinite); empty when not read
   */
  record Sample(
      double seconds,
      OptionalLong collectorRssBytes,
      OptionalDouble collectorCpuSeconds,
      OptionalDouble heapUsedBytes,
      OptionalDouble liveDataBytes,
      OptionalDouble pendingPoints,
      OptionalDouble alertQueuedPoints,
      OptionalDouble alertQueueRefused,
      OptionalLong influxRssBytes,
      OptionalDouble influxCpuSeconds,
      OptionalDouble fleetCpuSeconds,
      double loadAverage,
      SortedMap<Double, Double> influxWrites) {}

  private final FleetCollector collector;
  private final long influxPid;
  private final long startNanos;
  private final List<Sample> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "fleet-sampler");
            thread.setDaemon(true);
            return thread;
          });
  private int metricsFailures;

  FleetSampler(FleetCollector collector, long influxPid, long startNanos) {
    this.collector = collector;
    this.influxPid = influxPid;
    this.startNanos = startNanos;
  }

  void start() {
    long every = FleetSettings.INTERVAL.toMillis();
    timer.scheduleAtFixedRate(this::sampleNow, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Takes one sample now (also at the end of the run) and keeps it. */
  synchronized Sample sampleNow() {
    OptionalDouble heap = OptionalDouble.empty();
    OptionalDouble live = OptionalDouble.empty();
    OptionalDouble pending = OptionalDouble.empty();
    OptionalDouble alertQueued = OptionalDouble.empty();
    OptionalDouble alertRefused = OptionalDouble.empty();
    SortedMap<Double, Double> influxWrites = new TreeMap<>();
    try {
      PrometheusSamples metrics = PrometheusSamples.parse(collector.metrics());
      heap =
          OptionalDouble.of(
              metrics.named("jvm_memory_used_bytes").stream()
                  .filter(s -> "heap".equals(s.labels().get("area")))
                  .mapToDouble(PrometheusSamples.Sample::value)
                  .sum());
      // Micrometer reports 0 until the first collection of the old generation: not yet known.
      live = metrics.value("jvm_gc_live_data_size_bytes");
      if (live.isPresent() && live.getAsDouble() == 0) {
        live = OptionalDouble.empty();
      }
      pending = metrics.value("ferry_collector_pending_points");
      alertQueued = metrics.value("ferry_collector_alert_queued_points");
      alertRefused = metrics.value("ferry_collector_alert_queue_refused_total");
      for (PrometheusSamples.Sample bucket :
          metrics.named("ferry_collector_influx_write_seconds_bucket")) {
        String le = bucket.labels().get("le");
        influxWrites.put(
            "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le), bucket.value());
      }
    } catch (IOException | RuntimeException e) {
      metricsFailures++;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Sample sample =
        new Sample(
            (System.nanoTime() - startNanos) / 1e9,
            rssBytes(collector.pid()),
            cpuSeconds(collector.pid()),
            heap,
            live,
            pending,
            alertQueued,
            alertRefused,
            rssBytes(influxPid),
            cpuSeconds(influxPid),
            cpuSeconds(ProcessHandle.current().pid()),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Collections.unmodifiableSortedMap(influxWrites));
    samples.add(sample);
    return sample;
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /** Scrapes of {@code /metrics} that failed (no answer within 5 s, or not 200). */
  synchronized int metricsFailures() {
    return metricsFailures;
  }

  /** Stops the periodic samples; {@link #sampleNow()} still works. */
  void stop() throws InterruptedException {
    timer.shutdown();
    if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("a sample has not finished within 30 s");
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
  }

  /** {@code VmRSS} of {@code /proc/<pid>/status}, in bytes. */
  static OptionalLong rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // The process ended, or the line is not as documented: no value.
    }
    return OptionalLong.empty();
  }

  /** User plus system time of {@code /proc/<pid>/stat} (fields 14 and 15), in seconds. */
  static OptionalDouble cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces: count after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalDouble.of(
          (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS);
    } catch (IOException | RuntimeException gone) {
      return OptionalDouble.empty();
    }
  }
}
