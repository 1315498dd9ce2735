package io.ferry.agent.input.http;

import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one probe saw. Durations that were not reached (no connection, so no first byte) are empty,
 * never zero.
 *
 * @param started when the probe began; the point's timestamp
 * @param status the response's status, when a response came
 * @param failure why it failed; empty on success
 * @param error the failure's message for people, one line; empty on success
 * @param dns resolving the URL's host name, when it was resolved (not for an address in the URL or
 *     with {@code connect_to})
 * @param connect from the resolved address to an open TCP connection
 * @param tls the TLS handshake, from the open TCP connection to the handshake's end; for {@code
 *     https} only, when the handshake finished
 * @param firstByte from the start to the response's headers (time to first byte: resolving,
 *     connecting, the handshake and the server's answer)
 * @param total from the start to the end of the body, or to the timeout
 * @param certificateNotAfter the server certificate's {@code notAfter}, for {@code https}
 * @param bodySha256 the first 16 hex digits of the body's SHA-256, when the body was read
 * @param bodyBytes the body's length, when it was read
 */
public record ProbeResult(
    Instant started,
    OptionalInt status,
    Optional<ProbeFailure> failure,
    Optional<String> error,
    Optional<Duration> dns,
    Optional<Duration> connect,
    Optional<Duration> tls,
    Optional<Duration> firstByte,
    Optional<Duration> total,
    Optional<Instant> certificateNotAfter,
    Optional<String> bodySha256,
    OptionalInt bodyBytes) {

  /** The measurement of one probe's result. */
  public static final String MEASUREMENT = "http_probe";

  public ProbeResult {
    Objects.requireNonNull(started, "started");
  }

  public boolean success() {
    return failure.isEmpty();
  }

  /** The {@code http_probe} point, stamped with {@link #started()}. */
  public Point toPoint(Map<String, String> tags) {
    var point = Point.builder(MEASUREMENT).tags(tags).timestamp(started);
    point.field("success", success());
    status.ifPresent(code -> point.field("status", (long) code));
    failure.ifPresent(why -> point.field("failure", why.fieldValue()));
    error.ifPresent(text -> point.field("error", text));
    dns.ifPresent(d -> point.field("dns_seconds", seconds(d)));
    connect.ifPresent(d -> point.field("connect_seconds", seconds(d)));
    tls.ifPresent(d -> point.field("tls_seconds", seconds(d)));
    firstByte.ifPresent(d -> point.field("first_byte_seconds", seconds(d)));
    total.ifPresent(d -> point.field("total_seconds", seconds(d)));
    certificateNotAfter.ifPresent(
        notAfter ->
            point.field("cert_expiry_seconds", Duration.between(started, notAfter).toSeconds()));
    bodySha256.ifPresent(hash -> point.field("body_sha256", hash));
    bodyBytes.ifPresent(bytes -> point.field("body_bytes", (long) bytes));
    return point.build();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
