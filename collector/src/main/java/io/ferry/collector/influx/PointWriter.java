package io.ferry.collector.influx;

import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import java.util.List;

/**
 * Writes points to InfluxDB. The returned future succeeds only once InfluxDB has accepted the
 * points, so a caller that acknowledges on success acknowledges durable data. It fails with {@link
 * PointsRejectedException} when InfluxDB refuses the points themselves (retrying cannot help) and
 * with {@link InfluxUnavailableException} when InfluxDB cannot take them now (retrying can).
 */
public interface PointWriter {

  Future<Void> write(List<Point> points);

  /** Writes what is still pending and releases resources; the writer takes no points after. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
