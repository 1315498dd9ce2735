package io.ferry.agent.input.http;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Optional;

/**
 * Says in one line why a TLS handshake failed, for people: the reason the JDK found (an untrusted,
 * expired or mismatching certificate first) without the exception class names it wraps it in.
 */
final class TlsFailureMessage {

  private TlsFailureMessage() {}

  static String explain(Throwable failure) {
    Optional<Throwable> expired =
        find(failure, CertificateExpiredException.class)
            .or(() -> find(failure, CertificateNotYetValidException.class));
    if (expired.isPresent()) {
      return "the server's certificate is not valid now (" + message(expired.get()) + ")";
    }
    Optional<Throwable> untrusted =
        find(failure, CertPathBuilderException.class)
            .or(() -> find(failure, CertPathValidatorException.class));
    if (untrusted.isPresent()) {
      return "the server's certificate is not trusted (" + message(deepest(untrusted.get())) + ")";
    }
    Optional<Throwable> mismatch =
        find(failure, CertificateException.class)
            .filter(e -> message(e).toLowerCase(java.util.Locale.ROOT).contains("name"));
    if (mismatch.isPresent()) {
      return "the server's certificate does not match the host name ("
          + message(mismatch.get())
          + ")";
    }
    return message(deepest(failure));
  }

  private static Optional<Throwable> find(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static Throwable deepest(Throwable error) {
    Throwable deepest = error;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    return deepest;
  }

  /** The message without a leading {@code some.Exception: } the JDK often prefixes. */
  private static String message(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    return message
        .replaceAll("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ", "")
        .replaceAll("\\s*[\\r\\n]+\\s*", " ")
        .trim();
  }
}
