package io.ferry.collector.influx;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest outcome of writing to InfluxDB, for {@code GET /health}. Thread-safe.
 *
 * <p>The last error is kept after later successes, with its time, so a person reading the health
 * page sees that (and when) InfluxDB last failed.
 */
public final class InfluxStatus {

  /**
   * The most recent write failure.
   *
   * @param message what went wrong, as the collector reported it
   * @param at when it happened
   */
  public record LastError(String message, Instant at) {}

  private volatile LastError lastError;

  public void recordFailure(String message, Instant at) {
    lastError = new LastError(message, at);
  }

  public Optional<LastError> lastError() {
    return Optional.ofNullable(lastError);
  }
}
