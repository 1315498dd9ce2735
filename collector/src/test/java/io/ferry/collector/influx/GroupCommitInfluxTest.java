package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.InfluxCredentials;
import io.ferry.collector.config.InfluxDestination;
import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.Point;
import io.ferry.testkit.LocalInfluxDb;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The group-commit policy of {@link BatchingPointWriter} against a real InfluxDB 1.6.7, with the
 * shipped batching defaults and the collector's metered writer: a push to an idle writer is written
 * at once, and pushes arriving while every write slot is busy leave together in one larger write.
 *
 * <p>The pushes are made from inside one task on an event-loop context: InfluxDB's answers are
 * handled on that same context, so no write can complete before the task has made every push, and
 * the batches the writer forms do not depend on how fast InfluxDB answers.
 */
@ExtendWith(VertxExtension.class)
class GroupCommitInfluxTest {

  private static final String DATABASE = "group_commit";

  @TempDir static Path influxState;

  private static final long BASE_NANOS = System.currentTimeMillis() * 1_000_000L;

  private static LocalInfluxDb influx;

  @BeforeAll
  static void startInflux() throws Exception {
    influx = LocalInfluxDb.start(influxState);
    influx.createDatabase(DATABASE);
  }

  @AfterAll
  static void stopInflux() {
    if (influx != null) {
      influx.close();
    }
  }

  @Test
  void aPushToAnIdleWriterIsWrittenAtOnceAndAcknowledgedOnceInfluxDbHasIt(Vertx vertx)
      throws Exception {
    try (var metrics = new CollectorMetrics()) {
      var writer = writer(vertx, metrics, BatchingConfig.DEFAULT_MAX_CONCURRENT_WRITES);
      Context context = vertx.getOrCreateContext();
      var inFlightWhenWriteReturned = new CompletableFuture<Integer>();
      var acknowledged = new CompletableFuture<Future<Void>>();

      context.runOnContext(
          task -> {
            Future<Void> push = writer.write(points("idle", 0, 200));
            inFlightWhenWriteReturned.complete(writer.writesInFlight());
            acknowledged.complete(push);
          });

      // The write to InfluxDB had started before write() returned: no timer could have fired.
      assertThat(inFlightWhenWriteReturned.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      acknowledged.get(10, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
      assertThat(batchSizes(metrics).count()).isEqualTo(1);
      assertThat(countIn("idle")).isEqualTo(200);
      writer.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void pushesArrivingWhileEverySlotIsBusyAreCombinedIntoFewerLargerWrites(Vertx vertx)
      throws Exception {
    int slots = BatchingConfig.DEFAULT_MAX_CONCURRENT_WRITES;
    int pushes = 40;
    int pointsPerPush = 100;
    try (var metrics = new CollectorMetrics()) {
      var writer = writer(vertx, metrics, slots);
      Context context = vertx.getOrCreateContext();
      var all = new CompletableFuture<Future<?>>();

      context.runOnContext(
          task -> {
            List<Future<Void>> acks = new ArrayList<>();
            for (int p = 0; p < pushes; p++) {
              acks.add(writer.write(points("burst", p * pointsPerPush, pointsPerPush)));
            }
            all.complete(Future.all(acks));
          });

      all.get(10, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
      // One write per slot for the first pushes; the other 36 pushes waited for the first slot to
      // free up and left together in one write of 3,600 points.
      HistogramSnapshot sizes = batchSizes(metrics);
      assertThat(sizes.count()).isEqualTo(slots + 1);
      assertThat(sizes.max()).isEqualTo((pushes - slots) * pointsPerPush);
      assertThat(sizes.total()).isEqualTo(pushes * pointsPerPush);
      assertThat(writer.pendingPoints()).isZero();
      assertThat(countIn("burst")).isEqualTo(pushes * pointsPerPush);
      writer.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static BatchingPointWriter writer(Vertx vertx, CollectorMetrics metrics, int slots) {
    var batching =
        new BatchingConfig(
            BatchingConfig.DEFAULT_MAX_POINTS,
            BatchingConfig.DEFAULT_FLUSH_INTERVAL,
            BatchingConfig.DEFAULT_MAX_PENDING,
            slots,
            influxState.resolve("dead-letter"));
    var config =
        new InfluxConfig(
            URI.create(influx.url()),
            InfluxApi.V1,
            Duration.ofSeconds(10),
            new InfluxDestination(DATABASE, null, null, null, true),
            InfluxCredentials.none(),
            batching);
    Clock clock = Clock.systemUTC();
    PointWriter metered =
        new MeteredPointWriter(
            new InfluxV1HttpWriter(vertx, WebClient.create(vertx), config),
            metrics,
            new InfluxStatus(),
            clock,
            new InfluxOutageLog(clock));
    return new BatchingPointWriter(
        vertx,
        metered,
        batching,
        (points, reason) -> {
          throw new AssertionError("InfluxDB refused points: " + reason);
        });
  }

  /** {@code ferry_collector_batch_points}: one sample per write to InfluxDB. */
  private static HistogramSnapshot batchSizes(CollectorMetrics metrics) {
    return metrics.registry().get("ferry.collector.batch").summary().takeSnapshot();
  }

  private static long countIn(String measurement) {
    var rows = influx.queryRows(DATABASE, "SELECT count(v) FROM " + measurement);
    return ((Number) rows.get(0).get("count")).longValue();
  }

  /** {@code count} points of one series with timestamps {@code from}, {@code from + 1}, ... */
  private static List<Point> points(String measurement, int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(
            i ->
                Point.builder(measurement)
                    .tag("host", "h" + i % 7)
                    .field("v", (long) i)
                    .timestampNanos(BASE_NANOS + i)
                    .build())
        .toList();
  }
}
