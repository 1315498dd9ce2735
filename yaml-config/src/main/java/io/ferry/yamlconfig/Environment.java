package io.ferry.yamlconfig;

import java.util.Map;
import java.util.Optional;

/**
 * Where configuration looks up environment variables, for {@code ${NAME}} references and for
 * module-specific overrides. Tests pass a map instead of the process environment.
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
