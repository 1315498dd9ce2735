package io.ferry.agent.input.histogram;

import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A latency histogram's cumulative figures, all read at the same instant.
 *
 * @param count observations since the histogram was created
 * @param sumSeconds the sum of the observed latencies, in seconds
 * @param buckets for each boundary, in increasing order, the observations at or under it
 */
public record HistogramCounts(long count, double sumSeconds, Map<Duration, Long> buckets) {

  /** The field with the number of observations (the {@code +Inf} bucket). */
  public static final String COUNT_FIELD = "count";

  /** The field with the sum of the observations, in seconds. */
  public static final String SUM_FIELD = "sum";

  public HistogramCounts {
    Objects.requireNonNull(buckets, "buckets");
    buckets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(buckets));
  }

  /**
   * The point the collector's latency SLO reads: {@code count} and every {@code le_<seconds>}
   * bucket as integers, {@code sum} as a float, and the given tags; no timestamp (the agent stamps
   * the collection's time).
   */
  public Point toPoint(String measurement, Map<String, String> tags) {
    var point = Point.builder(measurement).tags(tags);
    point.field(COUNT_FIELD, count).field(SUM_FIELD, sumSeconds);
    buckets.forEach(
        (boundary, observations) -> point.field(SloBuckets.field(boundary), observations));
    return point.build();
  }
}
