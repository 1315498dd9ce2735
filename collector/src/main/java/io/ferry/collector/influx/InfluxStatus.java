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
  private volatile boolean reachable = true;

  /**
   * Records a failed write.
   *
   * @param unreachable whether InfluxDB could not be reached (as opposed to refusing bad points)
   */
  public void recordFailure(String message, Instant at, boolean unreachable) {
    lastError = new LastError(message, at);
    if (unreachable) {
      reachable = false;
    }
  }

  /** Records a write InfluxDB took. */
  public void recordSuccess() {
    reachable = true;
  }

  /** Whether the latest write reached InfluxDB (true until a write fails to reach it). */
  public boolean reachable() {
    return reachable;
  }

  public Optional<LastError> lastError() {
    return Optional.ofNullable(lastError);
  }
}
