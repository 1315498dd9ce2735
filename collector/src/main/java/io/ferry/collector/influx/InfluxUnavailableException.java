package io.ferry.collector.influx;

/**
 * InfluxDB could not take points now: unreachable, timing out, failing with 5xx, refusing the
 * collector's credentials, or the collector holds too many pending points. The sender should keep
 * its points and retry; the collector answers 503.
 */
public final class InfluxUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InfluxUnavailableException(String message) {
    super(message);
  }

  public InfluxUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
