package io.ferry.yamlconfig;

import java.util.Optional;
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

  private final Environment environment;

  EnvInterpolator(Environment environment) {
    this.environment = environment;
  }

  /**
   * The value with every reference replaced.
   *
   * @throws ConfigException naming the key and the variable, when one without a fallback is unset
   */
  ConfigValue interpolate(ConfigValue value) {
    if (!value.text().contains("${")) {
      return value;
    }
    Matcher matcher = REFERENCE.matcher(value.text());
    var out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement =
          environment
              .get(name)
              .or(() -> Optional.ofNullable(matcher.group(2)))
              .orElseThrow(() -> value.problem("environment variable " + name + " is not set"));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return value.withText(out.toString());
  }
}
