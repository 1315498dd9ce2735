package io.ferry.agent.config;

/**
 * One configuration value as text, with where it came from, so that any problem with it can be
 * reported precisely.
 *
 * @param text the value after {@code ${NAME}} references were replaced
 * @param origin where it was read, e.g. {@code agent.yml line 7} or {@code environment variable
 *     FERRY_AGENT_AGENT_INTERVAL}
 * @param path the key path, e.g. {@code agent.interval} or {@code inputs.mysql[0].port}
 */
record ConfigValue(String text, String origin, String path) {

  /** An error about this value: origin, key path and the problem. */
  ConfigException problem(String problem) {
    return new ConfigException(origin + ": " + path + ": " + problem);
  }

  /** An error saying this value is not of the expected form, quoting it. */
  ConfigException notA(String what, String hint) {
    return problem("\"" + text + "\" is not " + what + (hint.isEmpty() ? "" : " (" + hint + ")"));
  }
}
