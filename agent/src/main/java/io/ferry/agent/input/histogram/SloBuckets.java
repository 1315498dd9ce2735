package io.ferry.agent.input.histogram;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

/**
 * The upper boundaries of a latency histogram's buckets, each written as a cumulative field {@code
 * le_<seconds>} (see {@code docs/metrics.md}, "Histograms for SLOs"). An SLO's threshold must be
 * one of them.
 *
 * @param boundaries distinct, positive, in increasing order
 */
public record SloBuckets(List<Duration> boundaries) {

  /**
   * The default boundaries, those of the Prometheus client libraries: 5, 10, 25, 50, 100, 250 and
   * 500 ms, 1, 2.5, 5 and 10 s.
   */
  public static final SloBuckets DEFAULT =
      of(
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10));

  /** The most boundaries a histogram may have: each is one field of every point. */
  public static final int MAX_BOUNDARIES = 30;

  /** The prefix of a bucket field. */
  public static final String BUCKET_PREFIX = "le_";

  public SloBuckets {
    boundaries = List.copyOf(new TreeSet<>(boundaries));
    if (boundaries.isEmpty()) {
      throw new IllegalArgumentException("a histogram needs at least one bucket boundary");
    }
    if (boundaries.size() > MAX_BOUNDARIES) {
      throw new IllegalArgumentException(
          "at most " + MAX_BOUNDARIES + " bucket boundaries, got " + boundaries.size());
    }
    if (boundaries.get(0).isNegative() || boundaries.get(0).isZero()) {
      throw new IllegalArgumentException("bucket boundaries must be positive");
    }
  }

  public static SloBuckets of(Duration... boundaries) {
    return new SloBuckets(List.of(boundaries));
  }

  /**
   * The field of a boundary: {@code le_} and the boundary in seconds without exponent or trailing
   * zeros ({@code le_0.3} for 300 ms, {@code le_1} for 1 s, {@code le_0.0005} for 500 µs), the name
   * the collector's latency SLO looks for.
   */
  public static String field(Duration boundary) {
    BigDecimal seconds =
        BigDecimal.valueOf(boundary.getSeconds()).add(BigDecimal.valueOf(boundary.getNano(), 9));
    return BUCKET_PREFIX + seconds.stripTrailingZeros().toPlainString();
  }
}
