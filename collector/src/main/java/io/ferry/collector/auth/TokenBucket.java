package io.ferry.collector.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: fills at {@code ratePerSecond} up to {@code capacity}, starts full. Thread-safe.
 * {@link #charge} may take it below zero (a body's points are known only once it is parsed, and one
 * body larger than the bucket must still pass once); {@link #untilRepaid} then says how long the
 * holder waits.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double ratePerSecond;
  private final double capacity;
  private final LongSupplier nanoClock;
  private double level;
  private long updatedNanos;

  /**
   * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests)
   */
  TokenBucket(double ratePerSecond, double capacity, LongSupplier nanoClock) {
    this.ratePerSecond = ratePerSecond;
    this.capacity = capacity;
    this.nanoClock = nanoClock;
    this.level = capacity;
    this.updatedNanos = nanoClock.getAsLong();
  }

  /**
   * Takes {@code amount} if the bucket holds it; otherwise the wait until it will, taking nothing.
   */
  synchronized Duration tryTake(double amount) {
    refill();
    if (level >= amount) {
      level -= amount;
      return Duration.ZERO;
    }
    return secondsToNanos((amount - level) / ratePerSecond);
  }

  /** Zero when the bucket is not in debt; otherwise the wait until the debt is repaid. */
  synchronized Duration untilRepaid() {
    refill();
    return level >= 0 ? Duration.ZERO : secondsToNanos(-level / ratePerSecond);
  }

  /** Takes {@code amount}, going below zero if need be. */
  synchronized void charge(double amount) {
    refill();
    level -= amount;
  }

  /** The current level, for tests. */
  synchronized double level() {
    refill();
    return level;
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    level = Math.min(capacity, level + (now - updatedNanos) / NANOS_PER_SECOND * ratePerSecond);
    updatedNanos = now;
  }

  private static Duration secondsToNanos(double seconds) {
    return Duration.ofNanos((long) Math.ceil(seconds * NANOS_PER_SECOND));
  }
}
