package io.ferry.collector.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the token a client presented, in the forms InfluxDB clients send it: {@code Authorization:
 * Token X} and {@code Authorization: Bearer X} always; where the caller allows them, Basic
 * authentication with the token as password (Telegraf's v1 output, Prometheus) and the {@code p}
 * query parameter (the influx CLI).
 */
public final class PresentedToken {

  /** Which credential forms an endpoint accepts besides {@code Token} and {@code Bearer}. */
  public record Forms(boolean basic, boolean queryParameter) {
    public static final Forms TOKEN_ONLY = new Forms(false, false);
    public static final Forms WITH_BASIC = new Forms(true, false);
    public static final Forms V1_WRITE = new Forms(true, true);
  }

  private PresentedToken() {}

  /**
   * @param authorization the {@code Authorization} header, or null
   * @param passwordParameter the {@code p} query parameter, or null
   * @return the token, or empty when none was presented in an accepted form
   */
  public static Optional<String> find(String authorization, String passwordParameter, Forms forms) {
    if (authorization != null && !authorization.isBlank()) {
      String header = authorization.strip();
      int space = header.indexOf(' ');
      if (space > 0) {
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).strip();
        switch (scheme) {
          case "token", "bearer" -> {
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
          }
          case "basic" -> {
            return forms.basic() ? basicPassword(value) : Optional.empty();
          }
          default -> {
            return Optional.empty();
          }
        }
      }
      return Optional.empty();
    }
    if (forms.queryParameter() && passwordParameter != null && !passwordParameter.isEmpty()) {
      return Optional.of(passwordParameter);
    }
    return Optional.empty();
  }

  private static Optional<String> basicPassword(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0 || colon == decoded.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(decoded.substring(colon + 1));
  }
}
