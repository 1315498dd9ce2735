package io.ferry.cutover;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a connection uses TLS, with the meanings of the MySQL client's {@code --ssl-mode} (which
 * Connector/J's {@code sslMode} shares).
 */
public enum SslMode {
  /** No TLS. */
  DISABLED,
  /** TLS when the server offers it, unverified (the driver's default). */
  PREFERRED,
  /** TLS or no connection; the server's certificate is not verified. */
  REQUIRED,
  /** TLS, and the server's certificate must be signed by a trusted CA. */
  VERIFY_CA,
  /** As {@link #VERIFY_CA}, and the certificate must name the host connected to. */
  VERIFY_IDENTITY;

  /**
   * Reads a mode, case-insensitive, {@code -} or {@code _} between words.
   *
   * @throws IllegalArgumentException naming the value and the known modes
   */
  public static SslMode parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values())
        .filter(mode -> mode.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "ssl-mode '" + text + "' is not one of " + Arrays.toString(values())));
  }

  /** Whether the server's certificate is checked against a CA. */
  public boolean verifies() {
    return this == VERIFY_CA || this == VERIFY_IDENTITY;
  }
}
