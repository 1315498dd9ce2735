package io.ferry.collector.config;

/**
 * A configuration file that cannot be used. The message is one line meant for the person who wrote
 * the file: {@code collector.yml:12: influxdb.timeout: expected a duration such as 10s, got "ten"}.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
