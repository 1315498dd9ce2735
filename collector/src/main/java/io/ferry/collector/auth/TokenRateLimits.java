package io.ferry.collector.auth;

import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.RateLimit;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Per-token rate limits: one bucket of points and one of requests per token name, sized from the
 * token's {@code rate_limit} or else {@code auth.rate_limit}, built when first needed and rebuilt
 * when a reload changes the token's limit. A request is admitted while the token's points bucket is
 * above zero and its requests bucket holds one; the body's points are charged once parsed.
 */
public final class TokenRateLimits {

  private record Buckets(
      RateLimit limit, Optional<TokenBucket> points, Optional<TokenBucket> requests) {}

  private final RateLimit defaultLimit;
  private final LongSupplier nanoClock;
  private final ConcurrentMap<String, Buckets> buckets = new ConcurrentHashMap<>();

  public TokenRateLimits(RateLimit defaultLimit) {
    this(defaultLimit, System::nanoTime);
  }

  TokenRateLimits(RateLimit defaultLimit, LongSupplier nanoClock) {
    this.defaultLimit = defaultLimit;
    this.nanoClock = nanoClock;
  }

  /** Empty when {@code token} may send a write request now; takes one request from its bucket. */
  public Optional<RateLimitRefusal> admit(ApiToken token) {
    Buckets current = bucketsOf(token);
    if (current.points().isPresent()) {
      Duration wait = current.points().get().untilRepaid();
      if (!wait.isZero()) {
        return Optional.of(
            refusal(token, "points", current.limit().pointsPerSecond(), "points/s", wait));
      }
    }
    if (current.requests().isPresent()) {
      Duration wait = current.requests().get().tryTake(1);
      if (!wait.isZero()) {
        return Optional.of(
            refusal(token, "requests", current.limit().requestsPerSecond(), "requests/s", wait));
      }
    }
    return Optional.empty();
  }

  /** Takes {@code points} from the token's points bucket (after its body was parsed). */
  public void charge(ApiToken token, int points) {
    bucketsOf(token).points().ifPresent(bucket -> bucket.charge(points));
  }

  private Buckets bucketsOf(ApiToken token) {
    RateLimit limit = token.rateLimit().orElse(defaultLimit);
    return buckets.compute(
        token.name(),
        (name, existing) ->
            existing != null && existing.limit().equals(limit) ? existing : create(limit));
  }

  private Buckets create(RateLimit limit) {
    double burstSeconds = limit.burst().toNanos() / 1e9;
    return new Buckets(
        limit,
        bucket(limit.pointsPerSecond(), burstSeconds),
        bucket(limit.requestsPerSecond(), burstSeconds));
  }

  private Optional<TokenBucket> bucket(OptionalDouble rate, double burstSeconds) {
    if (rate.isEmpty()) {
      return Optional.empty();
    }
    double perSecond = rate.getAsDouble();
    // at least one whole unit, so a rate below 1/burst still lets a request through
    return Optional.of(
        new TokenBucket(perSecond, Math.max(1, perSecond * burstSeconds), nanoClock));
  }

  private static RateLimitRefusal refusal(
      ApiToken token, String limit, OptionalDouble rate, String unit, Duration wait) {
    String key = token.rateLimit().isPresent() ? "its rate_limit" : "auth.rate_limit";
    return new RateLimitRefusal(
        token.name(),
        limit,
        wait,
        "token \""
            + token.name()
            + "\" is over its limit of "
            + formatRate(rate.getAsDouble())
            + " "
            + unit
            + " ("
            + key
            + "); nothing was written, retry in "
            + RateLimitRefusal.wholeSeconds(wait)
            + " s");
  }

  private static String formatRate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
