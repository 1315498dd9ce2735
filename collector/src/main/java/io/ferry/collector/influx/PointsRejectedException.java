package io.ferry.collector.influx;

/**
 * InfluxDB refused the points themselves (for example a field whose type conflicts with earlier
 * points); sending them again would fail again. The collector answers 400 with InfluxDB's reason.
 */
public final class PointsRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PointsRejectedException(String message) {
    super(message);
  }
}
