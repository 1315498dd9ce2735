package io.ferry.agent.config;

import java.util.Map;
import java.util.Optional;

/**
 * Where the configuration looks up environment variables: {@code ${NAME}} references in values and
 * {@code FERRY_AGENT_<PATH>} overrides. Tests pass a map instead of the process environment.
 */
@FunctionalInterface
public interface Environment {

  /** The value of the variable, or empty when it is not set. */
  Optional<String> get(String name);

  /** The environment of this process. */
  static Environment system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  /** A fixed set of variables. */
  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }
}
