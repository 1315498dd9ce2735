package io.ferry.collector.config;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How fast one token may write ({@code auth.rate_limit}, or {@code rate_limit} on a token, which
 * replaces the default for that token).
 *
 * @param pointsPerSecond most points per second, on average ({@code points_per_second}); empty
 *     ({@code off}, the default) for no limit
 * @param requestsPerSecond most write requests per second, on average ({@code
 *     requests_per_second}); empty ({@code off}, the default) for no limit
 * @param burst how many seconds' worth of the rate a token may spend at once after being idle
 *     ({@code burst}); default {@value #DEFAULT_BURST_SECONDS} s, one agent push interval
 */
public record RateLimit(
    OptionalDouble pointsPerSecond, OptionalDouble requestsPerSecond, Duration burst) {

  public static final long DEFAULT_BURST_SECONDS = 10;
  public static final Duration DEFAULT_BURST = Duration.ofSeconds(DEFAULT_BURST_SECONDS);

  /** No limit. */
  public static final RateLimit NONE =
      new RateLimit(OptionalDouble.empty(), OptionalDouble.empty(), DEFAULT_BURST);

  public boolean limited() {
    return pointsPerSecond.isPresent() || requestsPerSecond.isPresent();
  }
}
