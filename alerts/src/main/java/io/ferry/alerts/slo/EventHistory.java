package io.ferry.alerts.slo;

import java.time.Duration;

/**
 * Event counts over time, in two resolutions so that both a 5-minute window and a 30-day period
 * stay cheap: {@value #FINE_SLOTS} buckets of 10 s (the last 6 h) and buckets of 5 min for the
 * whole period. Every event goes into both; a window of up to 6 h is read from the 10 s buckets, a
 * longer one from the 5 min buckets.
 *
 * <p>Memory: 24 bytes per bucket, so 2160 × 24 B ≈ 51 KiB for the fine ring plus (period / 5 min +
 * 1) × 24 B for the coarse one: 8641 × 24 B ≈ 203 KiB for 30 days, ≈ 253 KiB per SLO in all,
 * allocated once, whatever the traffic.
 */
final class EventHistory {

  /** The width of a fine bucket: one evaluation step. */
  static final Duration FINE_RESOLUTION = Duration.ofSeconds(10);

  /** How far back the fine buckets reach: the longest page window of the workbook. */
  static final Duration FINE_SPAN = Duration.ofHours(6);

  /** The width of a coarse bucket. */
  static final Duration COARSE_RESOLUTION = Duration.ofMinutes(5);

  /** The number of fine buckets: 6 h of 10 s. */
  static final int FINE_SLOTS = 2160;

  private final BucketRing fine = new BucketRing(FINE_RESOLUTION.toNanos(), FINE_SLOTS);
  private final BucketRing coarse;

  /**
   * @param span the longest window that will be asked for: the SLO's period
   */
  EventHistory(Duration span) {
    long width = COARSE_RESOLUTION.toNanos();
    long slots = -Math.floorDiv(-span.toNanos(), width) + 1;
    if (slots > Integer.MAX_VALUE / 8) {
      throw new IllegalArgumentException("a period of " + span + " is too long to track");
    }
    coarse = new BucketRing(width, (int) slots);
  }

  /**
   * Adds events at a time in nanoseconds since the epoch.
   *
   * @return false when the time is older than both rings remember
   */
  boolean add(long nanos, double total, double bad) {
    boolean inFine = fine.add(nanos, total, bad);
    boolean inCoarse = coarse.add(nanos, total, bad);
    return inFine || inCoarse;
  }

  /** The events in the window that ends with the bucket holding {@code nowNanos}. */
  EventCounts window(long nowNanos, Duration window) {
    BucketRing ring = window.compareTo(FINE_SPAN) <= 0 ? fine : coarse;
    return ring.sum(nowNanos, ring.bucketsFor(window.toNanos()));
  }
}
