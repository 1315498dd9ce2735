package io.ferry.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed logins per address over a sliding minute, as a timeline. */
class LoginThrottleTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void theEleventhAttemptWithinAMinuteWaitsUntilTheOldestFailureIsAMinuteOld() {
    var throttle = new LoginThrottle(10);
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.waitFor("192.0.2.1", T0.plusSeconds(i))).isEmpty();
      throttle.failed("192.0.2.1", T0.plusSeconds(i));
    }
    assertThat(throttle.waitFor("192.0.2.1", T0.plusSeconds(20))).hasValue(Duration.ofSeconds(40));
    assertThat(throttle.waitFor("192.0.2.2", T0.plusSeconds(20)))
        .as("another address is not held back")
        .isEmpty();
    assertThat(throttle.waitFor("192.0.2.1", T0.plusSeconds(60)))
        .as("the first failure left the window")
        .isEmpty();
    throttle.failed("192.0.2.1", T0.plusSeconds(60));
    assertThat(throttle.waitFor("192.0.2.1", T0.plusSeconds(60))).hasValue(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("192.0.2.1", T0.plusSeconds(200))).isEmpty();
  }
}
