package io.ferry.alerts.slo;

import io.ferry.lineprotocol.Point;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * Observations at or under a latency threshold over all observations, from a histogram written as
 * described in {@code docs/metrics.md} ("Histograms for SLOs"): good is the cumulative bucket field
 * {@link #bucketField()} (such as {@code le_0.3} for 300 ms), total is the field {@value
 * #COUNT_FIELD}. A point without the threshold's bucket has no sample: the tracker reports it
 * instead of counting it as zero.
 *
 * @param measurement the histogram's measurement, such as {@code http_request_duration}
 * @param threshold the latency a good observation does not exceed; a histogram must have a bucket
 *     with exactly this boundary
 */
public record LatencySli(String measurement, Duration threshold) implements Sli {

  /** The field with the cumulative number of observations. */
  public static final String COUNT_FIELD = "count";

  /** The prefix of a cumulative bucket field; the boundary in seconds follows. */
  public static final String BUCKET_PREFIX = "le_";

  public LatencySli {
    RatioSli.requireName(measurement, "measurement");
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("the latency threshold must be positive: " + threshold);
    }
  }

  /** The bucket field of this SLI's threshold, such as {@code le_0.3}. */
  public String bucketField() {
    return bucketField(threshold);
  }

  /**
   * The name of the cumulative bucket field for a boundary: {@code le_} and the boundary in seconds
   * as {@link BigDecimal#stripTrailingZeros()} then {@link BigDecimal#toPlainString()} writes it:
   * {@code le_0.3} for 300 ms, {@code le_1} for 1 s, {@code le_0.05} for 50 ms, {@code le_10} for
   * 10 s.
   */
  public static String bucketField(Duration boundary) {
    BigDecimal seconds =
        BigDecimal.valueOf(boundary.getSeconds()).add(BigDecimal.valueOf(boundary.getNano(), 9));
    return BUCKET_PREFIX + seconds.stripTrailingZeros().toPlainString();
  }

  @Override
  public SliReading read(Point point) {
    return CounterFields.read(
        point,
        bucketField(),
        COUNT_FIELD,
        field -> field.equals(COUNT_FIELD) ? "field " + field : "bucket " + field);
  }
}
