package io.ferry.alerts.dispatch;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How a notification a receiver did not take is tried again (config {@code retry}): after the first
 * failed attempt wait {@code initialBackoff}, then double the wait up to {@code maxBackoff}; each
 * wait is shortened by a random part of up to {@value #JITTER_PERCENT}% so that receivers that
 * failed together are not retried in step. After {@code maxAttempts} failed attempts, or at once
 * for a failure that cannot be retried, the notification goes to the fallback receiver.
 *
 * @param initialBackoff wait after the first failure; config {@code retry.initial_backoff}, default
 *     1 second
 * @param maxBackoff longest wait; config {@code retry.max_backoff}, default 1 minute
 * @param maxAttempts attempts per receiver, the first included; config {@code retry.max_attempts},
 *     default {@value #DEFAULT_MAX_ATTEMPTS}
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

  /** Default of {@code retry.initial_backoff}: 1 second. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

  /** Default of {@code retry.max_backoff}: 1 minute. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);

  /** Default of {@code retry.max_attempts}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** The largest share of a wait that jitter removes, in percent. */
  public static final int JITTER_PERCENT = 20;

  /** The defaults. */
  public static final RetryPolicy DEFAULTS =
      new RetryPolicy(DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_ATTEMPTS);

  public RetryPolicy {
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive: " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("max backoff must be at least the initial backoff");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1: " + maxAttempts);
    }
  }

  /**
   * The wait after failed attempt number {@code failedAttempt} (1 for the first): {@code
   * min(initialBackoff * 2^(failedAttempt-1), maxBackoff)} minus jitter drawn from {@code random}.
   * A generator that always returns 0 gives the exact doubling.
   */
  public Duration backoff(int failedAttempt, RandomGenerator random) {
    Duration base = initialBackoff;
    for (int i = 1; i < failedAttempt && base.compareTo(maxBackoff) < 0; i++) {
      base = base.multipliedBy(2);
    }
    if (base.compareTo(maxBackoff) > 0) {
      base = maxBackoff;
    }
    long nanos = base.toNanos();
    long jitter = (long) (nanos * (JITTER_PERCENT / 100.0) * random.nextDouble());
    return Duration.ofNanos(nanos - jitter);
  }
}
