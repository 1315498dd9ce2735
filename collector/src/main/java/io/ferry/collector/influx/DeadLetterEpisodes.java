package io.ferry.collector.influx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, once per episode and not per batch, when refused batches stop being written to the
 * dead-letter folder (it reached its bound, or the disk refuses: full, read-only, no permission)
 * and when they are written again, with what was not written meanwhile. A sender that keeps sending
 * what InfluxDB refuses would otherwise log a line per batch. No stack trace: a full disk is an
 * expected condition. Thread-safe.
 */
final class DeadLetterEpisodes {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterFile.class);

  /** Why batches are not written. */
  enum Cause {
    /** The folder's files reached {@code influxdb.dead_letter_max_bytes}. */
    BOUND,
    /** Writing failed: full disk, read-only file system, no permission, not a folder. */
    WRITE_FAILED
  }

  private final Clock clock;
  private final Path dir;
  private Cause cause;
  private Instant since;
  private long batches;
  private long points;

  DeadLetterEpisodes(Clock clock, Path dir) {
    this.clock = clock;
    this.dir = dir;
  }

  /**
   * A batch of {@code batchPoints} was not written; starts an episode (and logs it) unless one of
   * the same cause is going on.
   *
   * @param detail the bound and the folder's size, or the file system's error
   * @return whether this started an episode (and logged it)
   */
  synchronized boolean notWritten(Cause now, int batchPoints, String detail) {
    boolean starts = cause != now;
    if (starts) {
      if (cause != null) {
        logEnd("Refused batches are still not set aside, for another reason");
      }
      cause = now;
      since = clock.instant();
      batches = 0;
      points = 0;
      logStart(detail);
    }
    batches++;
    points += batchPoints;
    return starts;
  }

  /** A batch was written to {@code file}; ends the episode going on, logging what it cost. */
  synchronized boolean written(Path file) {
    if (cause == null) {
      return false;
    }
    logEnd("Refused batches are set aside again in " + file);
    cause = null;
    return true;
  }

  /** The cause of the episode going on, or null. */
  synchronized Cause ongoing() {
    return cause;
  }

  private void logStart(String detail) {
    if (cause == Cause.BOUND) {
      LOG.warn(
          "Dead-letter folder {} is full: {}; batches InfluxDB refuses are counted"
              + " (ferry_collector_dead_letter_over_bound_*) but not written until files are"
              + " removed",
          dir,
          detail);
    } else {
      LOG.error(
          "Cannot write to the dead-letter folder {}: {}; batches InfluxDB refuses are counted"
              + " (ferry_collector_dead_letter_write_failures_total) but not written until it"
              + " works again",
          dir,
          detail);
    }
  }

  private void logEnd(String headline) {
    LOG.info(
        "{}; {} batches ({} points) were not written in the {} before ({})",
        headline,
        batches,
        points,
        InfluxOutageLog.readable(Duration.between(since, clock.instant())),
        cause == Cause.BOUND ? "folder full" : "write failed");
  }
}
