package io.ferry.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure conversions of configuration text to typed values. Each returns empty when the text is not
 * of the expected form; the caller turns that into a {@link ConfigException} naming the key.
 */
final class ValueParsers {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private ValueParsers() {}

  /** Reads {@code 500ms}, {@code 10s}, {@code 1m} or {@code 2h}. */
  static Optional<Duration> duration(String text) {
    Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    return Optional.of(
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
  }

  /** Reads {@code true} or {@code false}, in any case. */
  static Optional<Boolean> bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Reads a decimal whole number that fits in an {@code int}. */
  static Optional<Integer> integer(String text) {
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Reads an absolute {@code http} or {@code https} URL with a host; drops a trailing slash. */
  static Optional<URI> httpUrl(String text) {
    String trimmed = text.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
