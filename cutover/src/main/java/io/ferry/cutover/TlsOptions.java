package io.ferry.cutover;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS for the connections to one node, as the MySQL client's {@code --ssl-mode}, {@code --ssl-ca},
 * {@code --ssl-cert} and {@code --ssl-key} give it (PEM files). A CA with no mode means {@link
 * SslMode#VERIFY_CA}, as for the MySQL client.
 *
 * @param mode the TLS mode; empty for the driver's default ({@code PREFERRED})
 * @param ca PEM file of the CA certificates the server's certificate must be signed by
 * @param certificate PEM file of the client certificate, given together with {@code key}
 * @param key PEM file of the client certificate's private key (unencrypted PKCS#8)
 */
public record TlsOptions(
    Optional<SslMode> mode, Optional<Path> ca, Optional<Path> certificate, Optional<Path> key) {

  /** The driver's defaults: no option given. */
  public static final TlsOptions DEFAULT =
      new TlsOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * @throws IllegalArgumentException when the options contradict each other (a file the mode would
   *     ignore, a certificate without its key): nothing given is ever silently dropped
   */
  public TlsOptions {
    if (certificate.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          certificate.isPresent()
              ? "ssl-cert is given without ssl-key: the client certificate needs both"
              : "ssl-key is given without ssl-cert: the client certificate needs both");
    }
    if (mode.isPresent() && mode.get() == SslMode.DISABLED && (ca.isPresent() || key.isPresent())) {
      throw new IllegalArgumentException(
          "ssl-mode=DISABLED contradicts ssl-ca/ssl-cert/ssl-key: drop one or the other");
    }
    if (mode.isPresent() && !mode.get().verifies() && ca.isPresent()) {
      throw new IllegalArgumentException(
          "ssl-ca is given with ssl-mode="
              + mode.get()
              + ", which does not verify the server: use VERIFY_CA or VERIFY_IDENTITY");
    }
  }

  /** The mode in effect: the given one, VERIFY_CA when only a CA is given, else empty. */
  public Optional<SslMode> effectiveMode() {
    if (mode.isPresent()) {
      return mode;
    }
    return ca.isPresent() ? Optional.of(SslMode.VERIFY_CA) : Optional.empty();
  }

  /** For descriptions: {@code tls VERIFY_CA} or empty when nothing was given. */
  public String describe() {
    return effectiveMode().map(m -> "tls " + m).orElse("");
  }
}
