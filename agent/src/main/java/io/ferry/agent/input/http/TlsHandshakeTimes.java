package io.ferry.agent.input.http;

import java.time.Duration;
import java.util.Optional;

/**
 * When the TLS handshake of one probe's connection began and ended, in {@link System#nanoTime()}
 * units; noted by {@link HandshakeTimingSslEngine} on the connection's event loop and read by the
 * probe. The handshake begins as soon as the TCP connection is open, so its start is also the end
 * of connecting.
 */
final class TlsHandshakeTimes {

  private static final long NOT_YET = Long.MIN_VALUE;

  private volatile long startedNanos = NOT_YET;
  private volatile long finishedNanos = NOT_YET;

  /** Notes the handshake's start, once: the TCP connection is open and the first flight is due. */
  void started(long nanos) {
    if (startedNanos == NOT_YET) {
      startedNanos = nanos;
    }
  }

  /** Notes the handshake's end, once (later post-handshake messages do not move it). */
  void finished(long nanos) {
    if (startedNanos != NOT_YET && finishedNanos == NOT_YET) {
      finishedNanos = nanos;
    }
  }

  /** When the handshake began, if it did. */
  Optional<Long> startedAt() {
    long started = startedNanos;
    return started == NOT_YET ? Optional.empty() : Optional.of(started);
  }

  /** How long the handshake took, once it finished. */
  Optional<Duration> handshake() {
    long started = startedNanos;
    long finished = finishedNanos;
    return started == NOT_YET || finished == NOT_YET
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(finished - started));
  }
}
