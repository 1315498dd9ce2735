package io.ferry.agent.config;

/**
 * A configuration value that cannot be used. The message is meant for the operator as is: it names
 * where the value came from (file and line, or environment variable), the key path and what is
 * wrong, e.g. {@code agent.yml line 7: agent.interval: "10x" is not a duration (use e.g. 10s,
 * 500ms, 1m)}.
 */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
