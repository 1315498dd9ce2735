package io.ferry.yamlconfig;

import java.util.OptionalInt;

/**
 * A configuration value that cannot be used. The message is one line meant for the operator as is:
 * where the value came from (file and line, or the environment variable that set it), the key path
 * and what is wrong, e.g. {@code agent.yml line 7: agent.interval: expected a positive duration
 * such as 100ms, 10s, 5m or 1h, got "10x"}.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final OptionalInt line;
  private final String keyPath;
  private final String problem;

  /**
   * @param source the file label as the loader was given it, or {@code environment variable NAME}
   *     for a value that came from the environment
   * @param line the 1-based line in the file, empty when the problem has no line (a missing file, a
   *     key absent from the file, a value from the environment)
   * @param keyPath the dotted key path such as {@code inputs.mysql[0].port}, empty when the problem
   *     is with the file as a whole
   * @param problem what is wrong, without the location
   */
  public ConfigException(String source, OptionalInt line, String keyPath, String problem) {
    super(message(source, line, keyPath, problem));
    this.source = source;
    this.line = line;
    this.keyPath = keyPath;
    this.problem = problem;
  }

  /** A problem with a file as a whole, such as one that cannot be read. */
  public static ConfigException ofFile(String fileLabel, String problem) {
    return new ConfigException(fileLabel, OptionalInt.empty(), "", problem);
  }

  /** The file label, or {@code environment variable NAME}. */
  public String source() {
    return source;
  }

  /** The 1-based line, when the problem has one. */
  public OptionalInt line() {
    return line;
  }

  /** The key path, empty for a problem with the whole file. */
  public String keyPath() {
    return keyPath;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }

  private static String message(String source, OptionalInt line, String keyPath, String problem) {
    var message = new StringBuilder(source);
    line.ifPresent(number -> message.append(" line ").append(number));
    message.append(": ");
    if (!keyPath.isEmpty()) {
      message.append(keyPath).append(": ");
    }
    return message.append(problem).toString();
  }
}
