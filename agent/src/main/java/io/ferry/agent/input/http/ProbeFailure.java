package io.ferry.agent.input.http;

import java.util.Locale;

/** Why a probe failed; written as the {@code failure} field of {@code http_probe}. */
public enum ProbeFailure {
  /** The URL's host name did not resolve. */
  DNS,
  /** No connection: refused, unreachable, or the name did not resolve. */
  CONNECT,
  /** The TLS handshake failed, e.g. an untrusted or mismatching certificate. */
  TLS,
  /** The probe did not finish within its timeout. */
  TIMEOUT,
  /** The connection broke while sending the request or reading the response. */
  REQUEST,
  /** The response's status is not one of the expected ones. */
  STATUS,
  /** The response's body does not contain what it must. */
  BODY;

  /** The field value, e.g. {@code timeout}. */
  public String fieldValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the target could not be reached at all (as opposed to answering wrongly). */
  public boolean unreachable() {
    return this == DNS || this == CONNECT || this == TLS || this == TIMEOUT;
  }
}
