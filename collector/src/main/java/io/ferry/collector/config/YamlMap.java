package io.ferry.collector.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML mapping of the configuration file being read into records. Every getter names the file,
 * line and key path in its error; {@link #rejectUnknownKeys()} then reports any key no getter asked
 * for, so a misspelt option is an error rather than silently ignored.
 */
final class YamlMap {

  /** What every map read from one file shares. */
  record Source(String fileLabel, Path baseDir, EnvInterpolator env) {}

  private final Source source;
  private final String path;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> asked = new LinkedHashSet<>();

  private YamlMap(Source source, String path, Node node) throws ConfigException {
    this.source = source;
    this.path = path;
    this.node = node;
    if (!(node instanceof MappingNode mapping)) {
      throw error(node, path.isEmpty() ? "the file" : path, "expected a mapping of keys to values");
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw error(tuple.getKeyNode(), path, "keys must be plain names");
      }
      if (entries.put(key.getValue(), tuple) != null) {
        throw error(key, keyPath(key.getValue()), "key appears twice");
      }
    }
  }

  static YamlMap root(Source source, Node node) throws ConfigException {
    return new YamlMap(source, "", node);
  }

  /** A nested mapping, or empty when the key is absent or null. */
  Optional<YamlMap> map(String key) throws ConfigException {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new YamlMap(source, keyPath(key), value.get()));
  }

  /** A sequence of mappings; empty when the key is absent or null. */
  List<YamlMap> mapList(String key) throws ConfigException {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      throw error(value.get(), keyPath(key), "expected a list");
    }
    List<YamlMap> maps = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      maps.add(new YamlMap(source, keyPath(key) + "[" + maps.size() + "]", item));
    }
    return maps;
  }

  /** A string with environment references resolved; empty when absent or null. */
  Optional<String> string(String key) throws ConfigException {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!(value.get() instanceof ScalarNode scalar)) {
      throw error(value.get(), keyPath(key), "expected a single value, not a list or mapping");
    }
    try {
      return Optional.of(source.env().interpolate(scalar.getValue()));
    } catch (IllegalArgumentException e) {
      throw error(scalar, keyPath(key), e.getMessage());
    }
  }

  String string(String key, String fallback) throws ConfigException {
    return string(key).orElse(fallback);
  }

  /** A string that must be present and not blank. */
  String requiredString(String key) throws ConfigException {
    Optional<String> value = string(key);
    if (value.isEmpty() || value.get().isBlank()) {
      throw error(value(key).orElse(node), keyPath(key), "is required");
    }
    return value.get();
  }

  int integer(String key, int fallback, int min, int max) throws ConfigException {
    return parsed(
        key,
        fallback,
        "a whole number from " + min + " to " + max,
        text -> {
          try {
            int v = Integer.parseInt(text.trim());
            return v >= min && v <= max ? Optional.of(v) : Optional.empty();
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        });
  }

  boolean bool(String key, boolean fallback) throws ConfigException {
    return parsed(
        key,
        fallback,
        "true or false",
        text ->
            switch (text.trim()) {
              case "true", "True", "TRUE" -> Optional.of(true);
              case "false", "False", "FALSE" -> Optional.of(false);
              default -> Optional.empty();
            });
  }

  /** A positive duration such as {@code 100ms}, {@code 10s}, {@code 5m} or {@code 1h}. */
  Duration duration(String key, Duration fallback) throws ConfigException {
    return parsed(
        key,
        fallback,
        "a positive duration such as 100ms, 10s, 5m or 1h",
        text -> ConfigUnits.parseDuration(text).filter(d -> !d.isZero()));
  }

  /** A positive byte size such as {@code 10MiB}. */
  long bytes(String key, long fallback) throws ConfigException {
    return parsed(
        key,
        fallback,
        "a positive size such as 512KiB, 10MiB or 1GiB",
        text -> ConfigUnits.parseBytes(text).filter(b -> b > 0));
  }

  <T> T parsed(String key, T fallback, String expected, Function<String, Optional<T>> parser)
      throws ConfigException {
    Optional<String> text = string(key);
    if (text.isEmpty()) {
      return fallback;
    }
    Optional<T> value = parser.apply(text.get());
    if (value.isEmpty()) {
      throw error(
          value(key).orElseThrow(),
          keyPath(key),
          "expected " + expected + ", got \"" + text.get() + "\"");
    }
    return value.get();
  }

  /**
   * A secret given either inline under {@code key} or as a file named under {@code key_file}
   * (relative paths are resolved against the configuration file's folder; surrounding whitespace
   * and the final newline are dropped). Setting both is an error.
   */
  Optional<String> secret(String key) throws ConfigException {
    String fileKey = key + "_file";
    Optional<String> inline = string(key);
    Optional<String> file = string(fileKey);
    if (inline.isPresent() && file.isPresent()) {
      throw error(
          value(fileKey).orElseThrow(),
          keyPath(fileKey),
          "set either " + key + " or " + fileKey + ", not both");
    }
    if (file.isEmpty()) {
      return inline;
    }
    Path secretFile = source.baseDir().resolve(file.get());
    String content;
    try {
      content = Files.readString(secretFile, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw error(
          value(fileKey).orElseThrow(), keyPath(fileKey), "file " + secretFile + " does not exist");
    } catch (AccessDeniedException e) {
      throw error(
          value(fileKey).orElseThrow(),
          keyPath(fileKey),
          "file " + secretFile + " is not readable");
    } catch (IOException e) {
      throw error(
          value(fileKey).orElseThrow(),
          keyPath(fileKey),
          "cannot read " + secretFile + ": " + e.getMessage());
    }
    if (content.isEmpty()) {
      throw error(
          value(fileKey).orElseThrow(), keyPath(fileKey), "file " + secretFile + " is empty");
    }
    return Optional.of(content);
  }

  /** Fails on the first key that no getter asked for. */
  void rejectUnknownKeys() throws ConfigException {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      if (!asked.contains(entry.getKey())) {
        throw error(
            entry.getValue().getKeyNode(),
            keyPath(entry.getKey()),
            "unknown key (known keys here: " + String.join(", ", asked) + ")");
      }
    }
  }

  /** An error located at this mapping. */
  ConfigException error(String problem) {
    return error(node, path.isEmpty() ? "the file" : path, problem);
  }

  /** An error located at the value of {@code key}, or at this mapping when the key is absent. */
  ConfigException error(String key, String problem) {
    asked.add(key);
    NodeTuple tuple = entries.get(key);
    return error(tuple == null ? node : tuple.getValueNode(), keyPath(key), problem);
  }

  String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private Optional<Node> value(String key) {
    asked.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    return Optional.of(tuple.getValueNode());
  }

  private static boolean isNull(Node value) {
    if (!(value instanceof ScalarNode scalar)) {
      return false;
    }
    if (Tag.NULL.equals(scalar.getTag())) {
      return true;
    }
    return scalar.getScalarStyle() == ScalarStyle.PLAIN
        && switch (scalar.getValue()) {
          case "", "~", "null", "Null", "NULL" -> true;
          default -> false;
        };
  }

  private ConfigException error(Node at, String keyPath, String problem) {
    String line = at.getStartMark().map(mark -> ":" + (mark.getLine() + 1)).orElse("");
    return new ConfigException(source.fileLabel() + line + ": " + keyPath + ": " + problem);
  }
}
