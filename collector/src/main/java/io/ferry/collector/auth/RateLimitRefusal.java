package io.ferry.collector.auth;

import java.time.Duration;

/**
 * Why a token's request was refused and when to come back.
 *
 * @param tokenName the token's name (never the token)
 * @param limit which limit it is over: {@code points} or {@code requests} (a metric tag)
 * @param retryAfter the wait until the token has room again
 * @param message the answer's text, naming the token, the limit and the key that sets it
 */
public record RateLimitRefusal(
    String tokenName, String limit, Duration retryAfter, String message) {

  /** {@link #retryAfter} in whole seconds, rounded up, at least 1 (the {@code Retry-After}). */
  public long retryAfterSeconds() {
    return wholeSeconds(retryAfter);
  }

  /** {@code wait} in whole seconds, rounded up, at least 1. */
  static long wholeSeconds(Duration wait) {
    return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
  }
}
