package io.ferry.collector.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The collector's own metrics, kept in a Prometheus registry and served on {@code GET /metrics}:
 *
 * <ul>
 *   <li>{@code ferry_collector_requests_total{endpoint,status}}: HTTP requests answered;
 *   <li>{@code ferry_collector_points_accepted_total}: points acknowledged as written to InfluxDB;
 *   <li>{@code ferry_collector_lines_rejected_total}: line-protocol lines that did not parse;
 *   <li>{@code ferry_collector_received_bytes_total}: write request bodies, after gzip decoding;
 *   <li>{@code ferry_collector_influx_write_seconds}: time of each write to InfluxDB;
 *   <li>{@code ferry_collector_influx_write_failures_total{reason}}: failed writes ({@code
 *       rejected} by InfluxDB or InfluxDB {@code unavailable});
 *   <li>{@code ferry_collector_batch_points}: points per write to InfluxDB;
 *   <li>{@code ferry_collector_pending_points}: points waiting for or in a write to InfluxDB;
 *   <li>{@code ferry_collector_influx_writes_in_flight}: writes to InfluxDB in flight, at most
 *       {@code influxdb.max_concurrent_writes};
 *   <li>{@code ferry_collector_dead_letter_batches_total} and {@code
 *       ferry_collector_dead_letter_points_total}: batches InfluxDB refused as invalid, set aside
 *       in {@code influxdb.dead_letter_dir}, and their points;
 *   <li>{@code ferry_collector_dead_letter_write_failures_total}: refused batches that could not be
 *       written to that folder (full or read-only disk, no permission);
 *   <li>{@code ferry_collector_dead_letter_over_bound_batches_total} and {@code
 *       ferry_collector_dead_letter_over_bound_points_total}: refused batches not written because
 *       the folder's files reached {@code influxdb.dead_letter_max_bytes}, and their points;
 *   <li>{@code ferry_collector_dead_letter_bytes}: bytes the folder's {@code refused-*.lp} files
 *       took when a batch was last set aside;
 *   <li>{@code ferry_collector_body_bytes_in_flight}: bytes of write request bodies (as sent) being
 *       received or parsed now, at most {@code ingest.max_body_bytes_in_flight};
 *   <li>{@code ferry_collector_body_bytes_in_flight_refused_total}: write requests answered 503
 *       because their body would have passed {@code ingest.max_body_bytes_in_flight};
 *   <li>{@code ferry_collector_expected_wait_refused_total}: write requests answered 503 because
 *       the points already waiting, at the rate InfluxDB took points lately, would have kept theirs
 *       waiting longer than {@code ingest.max_expected_wait};
 *   <li>{@code ferry_collector_alert_queued_points}: points the alert rules need, admitted and not
 *       yet observed by the alert engine, at most {@code alerts.max_queued_points};
 *   <li>{@code ferry_collector_alert_queue_refused_total}: write requests answered 503 because the
 *       alert engine's queue (or in a cluster the buffer for the leader, {@code
 *       cluster.forward_buffer}) had no room for their points;
 *   <li>{@code ferry_collector_rate_limited_total{token,limit}}: write requests answered 429
 *       because the token (by name) was over its {@code points} or {@code requests} limit;
 *   <li>{@code ferry_collector_token_reloads_total{result}}: reloads of {@code auth.tokens_file},
 *       {@code ok} or {@code failed} (the old tokens stay in force);
 *   <li>the JVM and the process: {@code jvm_memory_*}, {@code jvm_gc_*}, {@code jvm_threads_*},
 *       {@code jvm_classes_*}, {@code process_cpu_usage}, {@code system_cpu_*}, {@code
 *       process_uptime_seconds}, {@code process_files_*} (Micrometer's binders).
 * </ul>
 */
public final class CollectorMetrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter pointsAccepted =
      Counter.builder("ferry.collector.points.accepted")
          .description("Points acknowledged as written to InfluxDB")
          .register(registry);
  private final Counter linesRejected =
      Counter.builder("ferry.collector.lines.rejected")
          .description("Line-protocol lines that did not parse")
          .register(registry);
  private final Counter deadLetterBatches =
      Counter.builder("ferry.collector.dead.letter.batches")
          .description("Batches InfluxDB refused as invalid, set aside in the dead-letter folder")
          .register(registry);
  private final Counter deadLetterPoints =
      Counter.builder("ferry.collector.dead.letter.points")
          .description("Points of the batches InfluxDB refused as invalid")
          .register(registry);
  private final Counter deadLetterWriteFailures =
      Counter.builder("ferry.collector.dead.letter.write.failures")
          .description("Refused batches that could not be written to the dead-letter folder")
          .register(registry);
  private final Counter deadLetterOverBoundBatches =
      Counter.builder("ferry.collector.dead.letter.over.bound.batches")
          .description(
              "Refused batches not written: the dead-letter files reached"
                  + " influxdb.dead_letter_max_bytes")
          .register(registry);
  private final Counter deadLetterOverBoundPoints =
      Counter.builder("ferry.collector.dead.letter.over.bound.points")
          .description("Points of the refused batches not written because of the bound")
          .register(registry);
  private final AtomicLong deadLetterBytes = new AtomicLong();
  private final Counter bodyBytesInFlightRefused =
      Counter.builder("ferry.collector.body.bytes.in.flight.refused")
          .description(
              "Write requests answered 503: their body would have passed"
                  + " ingest.max_body_bytes_in_flight")
          .register(registry);
  private final Counter alertQueueRefused =
      Counter.builder("ferry.collector.alert.queue.refused")
          .description(
              "Write requests answered 503: the alert engine's queue (alerts.max_queued_points) or"
                  + " the buffer for the cluster's leader (cluster.forward_buffer) had no room")
          .register(registry);
  private final Counter bytesReceived =
      Counter.builder("ferry.collector.received")
          .baseUnit("bytes")
          .description("Write request bodies, after gzip decoding")
          .register(registry);
  private final Timer influxWrites =
      Timer.builder("ferry.collector.influx.write")
          .description("Time of each write to InfluxDB")
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofMillis(1))
          .maximumExpectedValue(Duration.ofSeconds(30))
          .register(registry);
  private final DistributionSummary batchSizes =
      DistributionSummary.builder("ferry.collector.batch")
          .baseUnit("points")
          .description("Points per write to InfluxDB")
          .register(registry);

  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  public CollectorMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("ferry.collector.dead.letter", deadLetterBytes::get)
        .baseUnit("bytes")
        .description("Bytes the dead-letter files took when a batch was last set aside")
        .register(registry);
  }

  /** Counts a write request refused because token {@code tokenName} was over {@code limit}. */
  public void rateLimited(String tokenName, String limit) {
    Counter.builder("ferry.collector.rate.limited")
        .description("Write requests answered 429: the token was over its rate limit")
        .tag("token", tokenName)
        .tag("limit", limit)
        .register(registry)
        .increment();
  }

  /** Counts a reload of the tokens file, {@code ok} or {@code failed}. */
  public void tokensReloaded(boolean ok) {
    Counter.builder("ferry.collector.token.reloads")
        .description("Reloads of auth.tokens_file (failed: the old tokens stay in force)")
        .tag("result", ok ? "ok" : "failed")
        .register(registry)
        .increment();
  }

  /** Stops listening to GC notifications. */
  @Override
  public void close() {
    gcMetrics.close();
  }

  /** Publishes the bytes of write bodies being received or parsed, read at each scrape. */
  public void registerBodyBytesInFlight(LongSupplier bytes) {
    Gauge.builder("ferry.collector.body.bytes.in.flight", bytes::getAsLong)
        .description("Bytes of write request bodies (as sent) being received or parsed now")
        .register(registry);
  }

  /** The alert queue's size now: points admitted for the alert engine and not yet observed. */
  public void registerAlertQueuedPoints(IntSupplier points) {
    // The supplier form holds the supplier strongly; the object form would let it be collected.
    Gauge.builder("ferry.collector.alert.queued", points::getAsInt)
        .baseUnit("points")
        .description("Points the alert rules need, admitted and not yet observed by the engine")
        .register(registry);
  }

  /** A write request answered 503 because the alert queue had no room for its points. */
  public void alertQueueRefused() {
    alertQueueRefused.increment();
  }

  /** Counts a write request answered 503 because of {@code ingest.max_body_bytes_in_flight}. */
  public void bodyBytesInFlightRefused() {
    bodyBytesInFlightRefused.increment();
  }

  /**
   * Publishes the count of write requests answered 503 because their points would have waited
   * longer than {@code ingest.max_expected_wait}, read at each scrape.
   */
  public void registerExpectedWaitRefused(LongSupplier refused) {
    FunctionCounter.builder(
            "ferry.collector.expected.wait.refused", refused, supplier -> supplier.getAsLong())
        .description(
            "Write requests answered 503: their points would have waited for InfluxDB longer than"
                + " ingest.max_expected_wait")
        .register(registry);
  }

  /** Publishes the number of pending points, read at each scrape. */
  public void registerPendingPoints(IntSupplier pendingPoints) {
    Gauge.builder("ferry.collector.pending", pendingPoints::getAsInt)
        .baseUnit("points")
        .description("Points waiting for or in a write to InfluxDB")
        .register(registry);
  }

  /**
   * Publishes the number of writes to InfluxDB in flight, read at each scrape: at {@code
   * influxdb.max_concurrent_writes}, points wait and join the next batch.
   */
  public void registerWritesInFlight(IntSupplier writesInFlight) {
    Gauge.builder("ferry.collector.influx.writes.in.flight", writesInFlight::getAsInt)
        .description(
            "Writes to InfluxDB in flight; at influxdb.max_concurrent_writes, points wait and"
                + " join the next batch")
        .register(registry);
  }

  /**
   * Counts one answered request.
   *
   * @param endpoint the route, one of a fixed set, so a client cannot create unbounded series
   */
  public void requestAnswered(String endpoint, int status) {
    Counter.builder("ferry.collector.requests")
        .description("HTTP requests answered")
        .tag("endpoint", endpoint)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
  }

  public void pointsAccepted(int count) {
    pointsAccepted.increment(count);
  }

  public void linesRejected(int count) {
    linesRejected.increment(count);
  }

  public void bytesReceived(long count) {
    bytesReceived.increment(count);
  }

  /** Records one write to InfluxDB that took {@code duration} and carried {@code points}. */
  public void influxWrite(Duration duration, int points) {
    influxWrites.record(duration);
    batchSizes.record(points);
  }

  /**
   * Counts a failed write to InfluxDB.
   *
   * @param reason {@code rejected} or {@code unavailable}
   */
  public void influxWriteFailed(String reason) {
    Counter.builder("ferry.collector.influx.write.failures")
        .description("Failed writes to InfluxDB")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /**
   * Counts a batch of {@code points} InfluxDB refused as invalid, set aside in the dead letters.
   */
  public void deadLettered(int points) {
    deadLetterBatches.increment();
    deadLetterPoints.increment(points);
  }

  /** Counts a refused batch that could not be written to the dead-letter folder. */
  public void deadLetterWriteFailed() {
    deadLetterWriteFailures.increment();
  }

  /** Counts a refused batch of {@code points} not written: the dead-letter folder is full. */
  public void deadLetterOverBound(int points) {
    deadLetterOverBoundBatches.increment();
    deadLetterOverBoundPoints.increment(points);
  }

  /** Sets the bytes the dead-letter folder's files take now. */
  public void deadLetterFolderBytes(long bytes) {
    deadLetterBytes.set(bytes);
  }

  /** The registry, for components that publish their own meters next to the collector's. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The metrics in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }
}
