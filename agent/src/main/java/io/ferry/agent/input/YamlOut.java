package io.ferry.agent.input;

import io.ferry.yamlconfig.ConfigUnits;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Small helpers for rendering an input's part of the effective configuration ({@code ferry-agent
 * --check-config}) as YAML that reads back to the same values.
 */
public final class YamlOut {

  /** What a secret is printed as. */
  public static final String MASK = "'****'";

  private YamlOut() {}

  /** A single-quoted YAML scalar, so that any text reads back as the same string. */
  public static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A flow mapping of quoted strings, sorted by key. */
  public static String map(Map<String, String> map) {
    return map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> quote(e.getKey()) + ": " + quote(e.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** A flow list of quoted strings. */
  public static String list(Collection<String> items) {
    return items.stream().map(YamlOut::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A flow list of durations such as {@code [50ms, 300ms, 1s]}. */
  public static String durations(Collection<Duration> items) {
    return items.stream()
        .map(ConfigUnits::formatDuration)
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** A secret: {@code ''} when empty, else the mask. */
  public static String secret(String secret) {
    return secret.isEmpty() ? "''" : MASK;
  }
}
