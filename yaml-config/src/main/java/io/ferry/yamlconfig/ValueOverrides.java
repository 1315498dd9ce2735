package io.ferry.yamlconfig;

import java.util.Optional;

/**
 * Values that win over the file for a key path, such as the agent's {@code FERRY_AGENT_<PATH>}
 * environment variables. A list key's override is comma-separated text. Override values are used as
 * given: {@code ${NAME}} references in them are not replaced.
 */
@FunctionalInterface
public interface ValueOverrides {

  /**
   * The override for a key path such as {@code agent.interval} or {@code inputs.mysql[0].port}, or
   * empty when the file's value stands.
   */
  Optional<OverrideValue> find(String keyPath);

  /** No overrides: the file's values stand. */
  static ValueOverrides none() {
    return keyPath -> Optional.empty();
  }

  /**
   * One overriding value.
   *
   * @param text the value as text
   * @param source where it came from, for error messages, e.g. {@code environment variable
   *     FERRY_AGENT_AGENT_INTERVAL}
   */
  record OverrideValue(String text, String source) {}
}
