package io.ferry.agent.input.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which probe's times a new TLS engine notes into. */
class PendingHandshakeTest {

  @Test
  void theEngineMadeWhileAProbeConnectsTakesThatProbesTimesOnce() {
    var pending = new PendingHandshake();
    TlsHandshakeTimes probe = pending.expect();

    TlsHandshakeTimes first = pending.take();
    TlsHandshakeTimes second = pending.take();

    assertThat(first).isSameAs(probe);
    assertThat(second).isNotSameAs(probe);
  }

  @Test
  void anEngineMadeAfterItsProbeEndedDoesNotWriteIntoTheNextProbe() {
    var pending = new PendingHandshake();
    TlsHandshakeTimes timedOut = pending.expect();
    pending.ended(timedOut);

    TlsHandshakeTimes late = pending.take();
    late.started(1_000);
    late.finished(2_000);
    TlsHandshakeTimes next = pending.expect();

    assertThat(late).isNotSameAs(timedOut);
    assertThat(timedOut.startedAt()).isEmpty();
    assertThat(pending.take()).isSameAs(next);
    assertThat(next.handshake()).isEmpty();
  }

  @Test
  void theEndOfAnEarlierProbeDoesNotClearTheNextOne() {
    var pending = new PendingHandshake();
    TlsHandshakeTimes earlier = pending.expect();
    TlsHandshakeTimes next = pending.expect();

    pending.ended(earlier);

    assertThat(pending.take()).isSameAs(next);
  }

  @Test
  void aHandshakeEndsOnceAndOnlyAfterItStarted() {
    var times = new TlsHandshakeTimes();
    times.finished(500);
    assertThat(times.handshake()).isEmpty();

    times.started(1_000);
    times.started(1_500);
    times.finished(4_000);
    times.finished(9_000);

    assertThat(times.startedAt()).contains(1_000L);
    assertThat(times.handshake()).hasValueSatisfying(d -> assertThat(d.toNanos()).isEqualTo(3_000));
  }
}
