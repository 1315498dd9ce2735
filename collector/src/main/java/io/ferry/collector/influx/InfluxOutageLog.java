package io.ferry.collector.influx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says when InfluxDB becomes unreachable and when it is back: one warning when the first write
 * fails to reach it, one line when a write succeeds again, with how long it lasted and how many
 * write requests and points were answered 503 meanwhile (their senders keep them and retry). No
 * stack trace: an outage is an expected condition. Thread-safe.
 */
public final class InfluxOutageLog {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxOutageLog.class);

  private final Clock clock;
  private Instant since;
  private long refusedRequests;
  private long refusedPoints;

  public InfluxOutageLog(Clock clock) {
    this.clock = clock;
  }

  /** A write did not reach InfluxDB; starts an outage unless one is going on. */
  public synchronized void unreachable(String reason) {
    if (since != null) {
      return;
    }
    since = clock.instant();
    refusedRequests = 0;
    refusedPoints = 0;
    LOG.warn(
        "InfluxDB outage started: {}; write requests are answered 503 until it is back", reason);
  }

  /** A write request was answered 503 with this many points (counted while an outage lasts). */
  public synchronized void refused(int points) {
    if (since != null) {
      refusedRequests++;
      refusedPoints += points;
    }
  }

  /** A write reached InfluxDB; ends the outage if one is going on. */
  public synchronized void reachable() {
    if (since == null) {
      return;
    }
    Duration lasted = Duration.between(since, clock.instant());
    LOG.info(
        "InfluxDB outage ended after {}: {} write requests ({} points) were answered 503"
            + " meanwhile, for their senders to retry",
        readable(lasted),
        refusedRequests,
        refusedPoints);
    since = null;
  }

  /** {@code 850ms}, {@code 12.3s}, {@code 2m05s}, {@code 1h02m}. */
  static String readable(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    if (millis < 3_600_000) {
      return String.format(java.util.Locale.ROOT, "%dm%02ds", millis / 60_000, millis / 1000 % 60);
    }
    return String.format(
        java.util.Locale.ROOT, "%dh%02dm", millis / 3_600_000, millis / 60_000 % 60);
  }

  /** Whether an outage is going on. */
  public synchronized boolean ongoing() {
    return since != null;
  }
}
