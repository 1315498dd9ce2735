package io.ferry.yamlconfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure conversions of configuration text to typed values. Each returns empty when the text is not
 * of the expected form; {@link ConfigMapping} turns that into a {@link ConfigException} naming the
 * key.
 */
final class ValueParsers {

  private ValueParsers() {}

  /** Reads {@code true} or {@code false}, in any case. */
  static Optional<Boolean> bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Optional.of(true);
      case "false" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Reads a decimal whole number that fits in a {@code long}. */
  static Optional<Long> wholeNumber(String text) {
    try {
      return Optional.of(Long.parseLong(text.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads an absolute {@code http} or {@code https} URL with a host and without query or fragment;
   * drops trailing slashes, so that paths can be appended.
   */
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
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
