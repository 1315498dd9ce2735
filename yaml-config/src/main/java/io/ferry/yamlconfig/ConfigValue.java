package io.ferry.yamlconfig;

/**
 * One scalar configuration value as text, with where it came from, so that any problem with it can
 * be reported precisely.
 *
 * @param text the value, after {@code ${NAME}} references were replaced when it came from the file
 * @param location the file and line, or the environment variable that overrode it
 * @param path the key path, e.g. {@code inputs.mysql[0].port}
 * @param overridden whether the value came from a {@link ValueOverrides} rather than the file
 */
record ConfigValue(String text, Location location, String path, boolean overridden) {

  /** An error about this value: location, key path and the problem. */
  ConfigException problem(String problem) {
    return location.problem(path, problem);
  }

  /** An error saying this value is not of the expected form, quoting it. */
  ConfigException expected(String what) {
    return problem("expected " + what + ", got \"" + text + "\"");
  }

  ConfigValue withText(String newText) {
    return new ConfigValue(newText, location, path, overridden);
  }
}
