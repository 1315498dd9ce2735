package io.ferry.collector.ingest;

import io.ferry.collector.config.IngestConfig;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRefusedException;
import io.ferry.lineprotocol.PointRule;
import io.ferry.yamlconfig.ConfigUnits;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code ingest:} limits on one point: tags and fields per point, key lengths, and how far its
 * timestamp may lie from the time the body arrived. Each refusal names the limit and its key.
 */
final class PointLimits implements PointRule {

  private final IngestConfig limits;
  private final long earliestNanos;
  private final long latestNanos;

  /**
   * @param receivedNanos when the body arrived, in nanoseconds since the epoch: the time window is
   *     centred on it
   */
  PointLimits(IngestConfig limits, long receivedNanos) {
    this.limits = limits;
    this.earliestNanos =
        limits.maxAge().map(age -> minus(receivedNanos, age)).orElse(Long.MIN_VALUE);
    this.latestNanos =
        limits.maxFuture().map(ahead -> plus(receivedNanos, ahead)).orElse(Long.MAX_VALUE);
  }

  @Override
  public Point check(Point point) throws PointRefusedException {
    if (point.tags().size() > limits.maxTags()) {
      throw new PointRefusedException(
          point.tags().size() + " tags; the limit is " + limits.maxTags() + " (ingest.max_tags)");
    }
    if (point.fields().size() > limits.maxFields()) {
      throw new PointRefusedException(
          point.fields().size()
              + " fields; the limit is "
              + limits.maxFields()
              + " (ingest.max_fields)");
    }
    checkKey("measurement", point.measurement());
    for (String tagKey : point.tags().keySet()) {
      checkKey("tag key", tagKey);
    }
    for (String fieldKey : point.fields().keySet()) {
      checkKey("field key", fieldKey);
    }
    if (point.timestampNanos() == null) {
      return point;
    }
    long nanos = point.timestampNanos();
    if (nanos < earliestNanos) {
      throw new PointRefusedException(
          "timestamp "
              + instant(nanos)
              + " is more than "
              + ConfigUnits.formatDuration(limits.maxAge().orElseThrow())
              + " in the past (ingest.max_age)");
    }
    if (nanos > latestNanos) {
      throw new PointRefusedException(
          "timestamp "
              + instant(nanos)
              + " is more than "
              + ConfigUnits.formatDuration(limits.maxFuture().orElseThrow())
              + " in the future (ingest.max_future)");
    }
    return point;
  }

  private void checkKey(String what, String key) throws PointRefusedException {
    if (key.length() > limits.maxKeyLength()) {
      throw new PointRefusedException(
          what
              + " \""
              + (key.length() > 40 ? key.substring(0, 40) + "..." : key)
              + "\" is "
              + key.length()
              + " characters long; the limit is "
              + limits.maxKeyLength()
              + " (ingest.max_key_length)");
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static long minus(long nanos, Duration d) {
    long span = saturatedNanos(d);
    return nanos - span > nanos ? Long.MIN_VALUE : nanos - span;
  }

  private static long plus(long nanos, Duration d) {
    long span = saturatedNanos(d);
    return nanos + span < nanos ? Long.MAX_VALUE : nanos + span;
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
