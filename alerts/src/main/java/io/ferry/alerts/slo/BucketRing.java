package io.ferry.alerts.slo;

import java.util.Arrays;

/**
 * Event counts in fixed-width time buckets, in a ring that keeps the newest {@code slots} buckets.
 * Each slot remembers which bucket it holds, so a slot left over from an older turn of the ring is
 * never counted. 24 bytes per slot.
 */
final class BucketRing {

  private static final long EMPTY = Long.MIN_VALUE;

  private final long widthNanos;
  private final long[] bucketOfSlot;
  private final double[] total;
  private final double[] bad;

  /**
   * @param widthNanos the width of a bucket in nanoseconds
   * @param slots how many buckets are kept
   */
  BucketRing(long widthNanos, int slots) {
    this.widthNanos = widthNanos;
    this.bucketOfSlot = new long[slots];
    this.total = new double[slots];
    this.bad = new double[slots];
    Arrays.fill(bucketOfSlot, EMPTY);
  }

  long widthNanos() {
    return widthNanos;
  }

  int slots() {
    return bucketOfSlot.length;
  }

  /**
   * Adds events at a time in nanoseconds since the epoch.
   *
   * @return false when the time is too old for the ring (its slot already holds a newer bucket)
   */
  boolean add(long nanos, double moreTotal, double moreBad) {
    long bucket = Math.floorDiv(nanos, widthNanos);
    int slot = slotOf(bucket);
    if (bucketOfSlot[slot] != bucket) {
      if (bucketOfSlot[slot] > bucket) {
        return false;
      }
      bucketOfSlot[slot] = bucket;
      total[slot] = 0;
      bad[slot] = 0;
    }
    total[slot] += moreTotal;
    bad[slot] += moreBad;
    return true;
  }

  /**
   * The events in the {@code buckets} newest buckets up to and including the one holding {@code
   * nowNanos}; later buckets are left out.
   */
  EventCounts sum(long nowNanos, int buckets) {
    if (buckets > bucketOfSlot.length) {
      throw new IllegalArgumentException(
          "a window of " + buckets + " buckets is longer than the ring: " + bucketOfSlot.length);
    }
    long last = Math.floorDiv(nowNanos, widthNanos);
    double sumTotal = 0;
    double sumBad = 0;
    for (long bucket = last - buckets + 1; bucket <= last; bucket++) {
      int slot = slotOf(bucket);
      if (bucketOfSlot[slot] == bucket) {
        sumTotal += total[slot];
        sumBad += bad[slot];
      }
    }
    return new EventCounts(sumTotal, sumBad);
  }

  /** How many buckets cover {@code windowNanos}, rounded up. */
  int bucketsFor(long windowNanos) {
    return (int) Math.max(1, -Math.floorDiv(-windowNanos, widthNanos));
  }

  private int slotOf(long bucket) {
    return (int) Math.floorMod(bucket, (long) bucketOfSlot.length);
  }
}
