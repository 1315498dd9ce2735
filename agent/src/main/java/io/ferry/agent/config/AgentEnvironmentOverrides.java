package io.ferry.agent.config;

import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.ValueOverrides;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent's {@code FERRY_AGENT_<PATH>} environment variables: any key whose path has no list
 * index can be set by the variable named after its path, dots as underscores, in upper case, such
 * as {@code FERRY_AGENT_AGENT_INTERVAL} for {@code agent.interval}. The variable wins over the
 * file; a list is given comma-separated.
 */
final class AgentEnvironmentOverrides implements ValueOverrides {

  private static final String PREFIX = "FERRY_AGENT_";

  private final Environment environment;

  AgentEnvironmentOverrides(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Optional<OverrideValue> find(String keyPath) {
    // Entries of a list have no stable name to build a variable from.
    if (keyPath.contains("[")) {
      return Optional.empty();
    }
    String variable = variableFor(keyPath);
    return environment
        .get(variable)
        .map(text -> new OverrideValue(text, "environment variable " + variable));
  }

  /** The variable that overrides a key path, e.g. {@code FERRY_AGENT_COLLECTOR_TOKEN}. */
  private static String variableFor(String keyPath) {
    return PREFIX + keyPath.replace('.', '_').toUpperCase(Locale.ROOT);
  }
}
