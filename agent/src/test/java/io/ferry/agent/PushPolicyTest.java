package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How answers are classified and how retries are spaced. */
class PushPolicyTest {

  @Test
  void classifiesStatuses() {
    assertThat(PushOutcome.ofStatus(204)).isEqualTo(PushOutcome.ACCEPTED);
    assertThat(PushOutcome.ofStatus(200)).isEqualTo(PushOutcome.ACCEPTED);
    assertThat(PushOutcome.ofStatus(400)).isEqualTo(PushOutcome.REJECTED);
    assertThat(PushOutcome.ofStatus(401)).isEqualTo(PushOutcome.UNAUTHORIZED);
    assertThat(PushOutcome.ofStatus(403)).isEqualTo(PushOutcome.UNAUTHORIZED);
    assertThat(PushOutcome.ofStatus(413)).isEqualTo(PushOutcome.TOO_LARGE);
    assertThat(PushOutcome.ofStatus(404)).isEqualTo(PushOutcome.RETRY);
    assertThat(PushOutcome.ofStatus(503)).isEqualTo(PushOutcome.RETRY);
  }

  @Test
  void collectorMessageIsFoldedOntoOneShortLine() {
    CollectorReply reply =
        CollectorReply.of(400, "line 1: bad\n  line 2: worse\n" + "x".repeat(600));

    assertThat(reply.message()).startsWith("line 1: bad line 2: worse xxx").doesNotContain("\n");
    assertThat(reply.message()).hasSize(CollectorReply.MAX_MESSAGE_LENGTH + 3);
    assertThat(CollectorReply.of(503, "").describe()).isEqualTo("HTTP 503");
  }

  @Test
  void backoffCeilingDoublesUpToAFewSecondsWithFullJitter() {
    var atTop = new RetryBackoff(() -> 0.999_999);
    List<Long> ceilings = new ArrayList<>();
    for (int failure = 0; failure < 7; failure++) {
      ceilings.add(atTop.failed(Optional.empty()));
    }
    assertThat(ceilings).containsExactly(249L, 499L, 999L, 1999L, 3999L, 3999L, 3999L);

    var halfway = new RetryBackoff(() -> 0.5);
    assertThat(halfway.failed(Optional.empty())).isEqualTo(125);
    var atBottom = new RetryBackoff(() -> 0.0);
    for (int failure = 0; failure < 10; failure++) {
      assertThat(atBottom.failed(Optional.empty())).isZero();
    }
  }

  @Test
  void retryAfterIsWaitedOutBeforeTheJitterAndBounded() {
    var backoff = new RetryBackoff(() -> 0.5);

    assertThat(backoff.failed(Optional.of(Duration.ofSeconds(5)))).isEqualTo(5_000 + 125);
    assertThat(backoff.failed(Optional.of(Duration.ofDays(1))))
        .isEqualTo(RetryBackoff.MAX_RETRY_AFTER_SECONDS * 1000 + 250);
  }

  @Test
  void successResetsTheBackoff() {
    var backoff = new RetryBackoff(() -> 0.999_999);
    backoff.failed(Optional.empty());
    backoff.failed(Optional.empty());
    backoff.failed(Optional.empty());

    backoff.succeeded();

    assertThat(backoff.failed(Optional.empty())).isEqualTo(249);
  }

  @Test
  void readsRetryAfterInSecondsOrAsAnHttpDate() {
    Instant now = Instant.parse("2026-01-02T03:04:05Z");

    assertThat(CollectorReply.parseRetryAfter("5", now)).contains(Duration.ofSeconds(5));
    assertThat(CollectorReply.parseRetryAfter("Fri, 02 Jan 2026 03:04:35 GMT", now))
        .contains(Duration.ofSeconds(30));
    assertThat(CollectorReply.parseRetryAfter("Fri, 02 Jan 2026 03:00:00 GMT", now))
        .contains(Duration.ZERO);
    assertThat(CollectorReply.parseRetryAfter("soon", now)).isEmpty();
    assertThat(CollectorReply.parseRetryAfter(null, now)).isEmpty();
  }
}
