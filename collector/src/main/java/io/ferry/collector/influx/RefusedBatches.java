package io.ferry.collector.influx;

import io.ferry.lineprotocol.Point;
import java.util.List;

/** Where batches InfluxDB refused as invalid go, so they are reported and never lost silently. */
@FunctionalInterface
public interface RefusedBatches {

  /**
   * Sets aside points InfluxDB refused for good; called once per refused batch.
   *
   * @param reason InfluxDB's message
   */
  void setAside(List<Point> points, String reason);
}
