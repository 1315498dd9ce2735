package io.ferry.collector.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.RateLimit;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a clock the test moves: admitted, refused with the right wait, refilled. */
class TokenRateLimitsTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  private static RateLimit points(double perSecond, Duration burst) {
    return new RateLimit(OptionalDouble.of(perSecond), OptionalDouble.empty(), burst);
  }

  @Test
  void pointsBeyondTheBurstAreChargedAsDebtAndTheWaitIsTheTimeToRepayIt() {
    var limits = new TokenRateLimits(points(100, Duration.ofSeconds(2)), now::get);
    var token = new ApiToken("fleet", "secret");

    assertThat(limits.admit(token)).isEmpty();
    limits.charge(token, 500); // 200 in the bucket, 300 in debt

    RateLimitRefusal refusal = limits.admit(token).orElseThrow();
    assertThat(refusal.limit()).isEqualTo("points");
    assertThat(refusal.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(refusal.retryAfterSeconds()).isEqualTo(3);
    assertThat(refusal.message())
        .contains("token \"fleet\"", "100 points/s")
        .doesNotContain("secret");

    now.addAndGet(3 * SECOND - SECOND / 100);
    assertThat(limits.admit(token)).as("3 points still owed").isPresent();
    now.addAndGet(SECOND / 100);
    assertThat(limits.admit(token)).isEmpty();
  }

  @Test
  void requestsAreTakenOneAtATimeAndTheBucketRefillsOnlyUpToTheBurst() {
    var limits =
        new TokenRateLimits(
            new RateLimit(OptionalDouble.empty(), OptionalDouble.of(2), Duration.ofSeconds(1)),
            now::get);
    var token = new ApiToken("fleet", "secret");

    assertThat(limits.admit(token)).isEmpty();
    assertThat(limits.admit(token)).isEmpty();
    RateLimitRefusal third = limits.admit(token).orElseThrow();
    assertThat(third.limit()).isEqualTo("requests");
    assertThat(third.retryAfter()).isEqualTo(Duration.ofMillis(500));
    assertThat(third.retryAfterSeconds()).isEqualTo(1);

    now.addAndGet(3600 * SECOND);
    assertThat(limits.admit(token)).isEmpty();
    assertThat(limits.admit(token)).isEmpty();
    assertThat(limits.admit(token))
        .as("an idle hour does not save up more than the burst")
        .isPresent();
  }

  @Test
  void aTokensOwnLimitWinsAndEachTokenHasItsOwnBuckets() {
    var limits = new TokenRateLimits(points(10, Duration.ofSeconds(1)), now::get);
    var slow = new ApiToken("slow", "s");
    var unlimited =
        new ApiToken(
            "unlimited",
            "u",
            Optional.of(
                new RateLimit(
                    OptionalDouble.empty(), OptionalDouble.empty(), Duration.ofSeconds(1))));

    limits.charge(slow, 1000);
    limits.charge(unlimited, 1_000_000);

    assertThat(limits.admit(slow)).isPresent();
    assertThat(limits.admit(unlimited)).isEmpty();
    assertThat(limits.admit(new ApiToken("other", "o"))).isEmpty();
  }

  @Test
  void aReloadThatChangesATokensLimitGivesItFreshBuckets() {
    var limits = new TokenRateLimits(RateLimit.NONE, now::get);
    var before = new ApiToken("fleet", "s", Optional.of(points(1, Duration.ofSeconds(1))));
    limits.charge(before, 100);
    assertThat(limits.admit(before)).isPresent();

    var after = new ApiToken("fleet", "s", Optional.of(points(1000, Duration.ofSeconds(1))));

    assertThat(limits.admit(after)).isEmpty();
  }
}
