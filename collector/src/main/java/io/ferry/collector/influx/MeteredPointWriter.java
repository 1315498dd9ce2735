package io.ferry.collector.influx;

import io.ferry.collector.metrics.CollectorMetrics;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wraps the writer that talks to InfluxDB: times each write, records the batch size, counts
 * failures by kind, remembers the last one for the health page and tells the outage log.
 */
public final class MeteredPointWriter implements PointWriter {

  private final PointWriter target;
  private final CollectorMetrics metrics;
  private final InfluxStatus status;
  private final Clock clock;
  private final InfluxOutageLog outage;

  public MeteredPointWriter(
      PointWriter target,
      CollectorMetrics metrics,
      InfluxStatus status,
      Clock clock,
      InfluxOutageLog outage) {
    this.target = target;
    this.metrics = metrics;
    this.status = status;
    this.clock = clock;
    this.outage = outage;
  }

  @Override
  public Future<Void> write(List<Point> points) {
    long started = System.nanoTime();
    return target
        .write(points)
        .onComplete(
            result -> {
              metrics.influxWrite(Duration.ofNanos(System.nanoTime() - started), points.size());
              if (result.failed()) {
                boolean rejected = result.cause() instanceof PointsRejectedException;
                metrics.influxWriteFailed(rejected ? "rejected" : "unavailable");
                status.recordFailure(result.cause().getMessage(), clock.instant(), !rejected);
                if (!rejected) {
                  outage.unreachable(result.cause().getMessage());
                }
              } else {
                status.recordSuccess();
                outage.reachable();
              }
            });
  }

  @Override
  public Future<Void> close() {
    return target.close();
  }
}
