package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
  void backoffSkipsDoublingTickCountsUpToTheMaximum() {
    var backoff = new PushBackoff();
    List<Integer> skippedAfterEachFailure = new ArrayList<>();
    for (int failure = 0; failure < 8; failure++) {
      backoff.failed();
      int skipped = 0;
      while (backoff.skipThisTick()) {
        skipped++;
      }
      skippedAfterEachFailure.add(skipped);
    }

    assertThat(skippedAfterEachFailure).containsExactly(0, 1, 3, 7, 15, 31, 31, 31);
  }

  @Test
  void successResetsTheBackoff() {
    var backoff = new PushBackoff();
    backoff.failed();
    backoff.failed();
    backoff.failed();

    backoff.succeeded();

    assertThat(backoff.skipThisTick()).isFalse();
  }
}
