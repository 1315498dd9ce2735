package io.ferry.agent.input.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the {@link TlsHandshakeTimes} of the probe that is opening a connection to the TLS engine
 * made for that connection. One per probe's client; the probe opens one connection at a time, so
 * the engine made while a probe connects is that probe's. An engine takes the times once (a second
 * engine, or one made after its probe ended, gets times nobody reads), so a late connection of a
 * timed-out probe never writes into the next probe's times.
 */
final class PendingHandshake {

  private final AtomicReference<TlsHandshakeTimes> connecting = new AtomicReference<>();

  /** Called by a probe before it opens its connection; returns the times its engine will note. */
  TlsHandshakeTimes expect() {
    var times = new TlsHandshakeTimes();
    connecting.set(times);
    return times;
  }

  /** Called when the probe ends, whether or not its engine was made. */
  void ended(TlsHandshakeTimes times) {
    connecting.compareAndSet(times, null);
  }

  /** Called for each new engine: the times of the probe now connecting, or ones nobody reads. */
  TlsHandshakeTimes take() {
    TlsHandshakeTimes times = connecting.getAndSet(null);
    return times == null ? new TlsHandshakeTimes() : times;
  }
}
