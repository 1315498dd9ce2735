package io.ferry.collector.config;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-fallback}} in configuration values with environment
 * variables. It runs on scalar values after the YAML structure is read, so a variable can never add
 * keys or change the shape of the file.
 */
final class EnvInterpolator {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> environment;

  EnvInterpolator(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * The text with every reference replaced.
   *
   * @throws IllegalArgumentException naming the variable, when one without a fallback is unset
   */
  String interpolate(String text) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    var out = new StringBuilder();
    while (m.find()) {
      String value = environment.apply(m.group(1));
      if (value == null) {
        if (m.group(2) == null) {
          throw new IllegalArgumentException("environment variable " + m.group(1) + " is not set");
        }
        value = m.group(2);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
