package io.ferry.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, checked access to one YAML mapping of the configuration (a section such as {@code agent}
 * or one {@code inputs.mysql[]} entry).
 *
 * <p>Every read remembers the key, so that {@link #rejectUnknownKeys()} can report any other key as
 * a typo. A scalar key whose path has no list index can be overridden by the environment variable
 * {@code FERRY_AGENT_<PATH>} (dots become underscores, upper case), which wins over the file.
 * {@code ${NAME}} in a value from the file is replaced by the environment variable {@code NAME}.
 */
final class YamlMapping {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  static final String OVERRIDE_PREFIX = "FERRY_AGENT_";

  private final String file;
  private final Environment environment;
  private final String path;
  private final String origin;
  private final Map<String, NodeTuple> entries;
  private final Set<String> readKeys = new LinkedHashSet<>();

  private YamlMapping(
      String file,
      Environment environment,
      String path,
      String origin,
      Map<String, NodeTuple> entries) {
    this.file = file;
    this.environment = environment;
    this.path = path;
    this.origin = origin;
    this.entries = entries;
  }

  /** The document's top-level mapping; an empty document is an empty mapping. */
  static YamlMapping root(String file, Environment environment, Optional<Node> document) {
    YamlMapping empty = new YamlMapping(file, environment, "", file, Map.of());
    return document.map(node -> empty.asMapping(node, "", "the top level")).orElse(empty);
  }

  /** The key path of this mapping, empty at the top level. */
  String path() {
    return path;
  }

  /** A nested mapping; absent or empty means every key takes its default. */
  YamlMapping mapping(String key) {
    readKeys.add(key);
    Node node = node(key);
    String childPath = childPath(key);
    if (node == null) {
      return new YamlMapping(file, environment, childPath, file, Map.of());
    }
    return asMapping(node, childPath, childPath);
  }

  /** A list of mappings, e.g. {@code inputs.mysql}; absent means an empty list. */
  List<YamlMapping> mappingList(String key) {
    readKeys.add(key);
    Node node = node(key);
    if (node == null) {
      return List.of();
    }
    String listPath = childPath(key);
    if (!(node instanceof SequenceNode sequence)) {
      throw new ConfigException(where(node) + ": " + listPath + ": must be a list (- name: ...)");
    }
    List<YamlMapping> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      String itemPath = listPath + "[" + items.size() + "]";
      items.add(asMapping(item, itemPath, itemPath));
    }
    return items;
  }

  /** A scalar value, from the override variable or the file; empty when neither sets it. */
  Optional<ConfigValue> value(String key) {
    readKeys.add(key);
    String keyPath = childPath(key);
    Optional<ConfigValue> override = override(keyPath);
    if (override.isPresent()) {
      return override;
    }
    Node node = node(key);
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode scalar)) {
      throw new ConfigException(where(node) + ": " + keyPath + ": must be a single value");
    }
    ConfigValue raw = new ConfigValue(scalar.getValue(), where(node), keyPath);
    return Optional.of(new ConfigValue(interpolate(raw), raw.origin(), keyPath));
  }

  String string(String key, String defaultValue) {
    return value(key).map(ConfigValue::text).orElse(defaultValue);
  }

  String requiredString(String key) {
    return value(key)
        .map(ConfigValue::text)
        .filter(text -> !text.isBlank())
        .orElseThrow(() -> missing(key));
  }

  Duration duration(String key, Duration defaultValue) {
    Optional<ConfigValue> value = value(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    Duration duration =
        ValueParsers.duration(value.get().text())
            .orElseThrow(() -> value.get().notA("a duration", "use e.g. 10s, 500ms, 1m"));
    if (duration.isZero()) {
      throw value.get().problem("must be longer than 0");
    }
    return duration;
  }

  boolean bool(String key, boolean defaultValue) {
    Optional<ConfigValue> value = value(key);
    return value
        .map(v -> ValueParsers.bool(v.text()).orElseThrow(() -> v.notA("true or false", "")))
        .orElse(defaultValue);
  }

  int integer(String key, int defaultValue, int min, int max) {
    Optional<ConfigValue> value = value(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    int number =
        ValueParsers.integer(value.get().text())
            .orElseThrow(() -> value.get().notA("a whole number", ""));
    if (number < min || number > max) {
      throw value.get().problem(number + " is out of range (" + min + " to " + max + ")");
    }
    return number;
  }

  URI requiredHttpUrl(String key) {
    ConfigValue value = value(key).filter(v -> !v.text().isBlank()).orElseThrow(() -> missing(key));
    return ValueParsers.httpUrl(value.text())
        .orElseThrow(() -> value.notA("an http(s) URL", "use e.g. http://collector:8086"));
  }

  /**
   * A secret given either inline ({@code key}) or as a file holding it ({@code key_file}, read and
   * trimmed). Setting both in the file is an error; an override variable for {@code key} wins.
   */
  Optional<String> secret(String key) {
    String fileKey = key + "_file";
    Optional<ConfigValue> inline = value(key);
    Optional<ConfigValue> fromFile = value(fileKey);
    if (inline.isPresent() && fromFile.isPresent()) {
      if (inline.get().origin().startsWith("environment")) {
        return inline.map(ConfigValue::text);
      }
      throw fromFile.get().problem("set either " + key + " or " + fileKey + ", not both");
    }
    if (fromFile.isPresent()) {
      return Optional.of(SecretFile.read(Path.of(fromFile.get().text()), fromFile.get()));
    }
    return inline.map(ConfigValue::text);
  }

  /** A mapping of names to scalar values, such as {@code tags}; absent means empty. */
  Map<String, String> stringMap(String key) {
    readKeys.add(key);
    Node node = node(key);
    Map<String, String> result = new LinkedHashMap<>();
    if (node == null) {
      return result;
    }
    String mapPath = childPath(key);
    YamlMapping map = asMapping(node, mapPath, mapPath);
    for (String name : map.entries.keySet()) {
      ConfigValue value = map.value(name).orElseThrow(() -> map.missing(name));
      if (value.text().isEmpty()) {
        throw value.problem("must not be empty");
      }
      result.put(name, value.text());
    }
    return result;
  }

  /**
   * A list of scalars; absent means the default. The override variable gives the list as
   * comma-separated text.
   */
  List<String> stringList(String key, List<String> defaultValue) {
    readKeys.add(key);
    String listPath = childPath(key);
    Optional<ConfigValue> override = override(listPath);
    if (override.isPresent()) {
      return Arrays.stream(override.get().text().split(","))
          .map(String::trim)
          .filter(item -> !item.isEmpty())
          .toList();
    }
    Node node = node(key);
    if (node == null) {
      return defaultValue;
    }
    if (!(node instanceof SequenceNode sequence)) {
      throw new ConfigException(where(node) + ": " + listPath + ": must be a list ([a, b])");
    }
    List<String> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (!(item instanceof ScalarNode scalar)) {
        throw new ConfigException(where(item) + ": " + listPath + ": items must be single values");
      }
      items.add(interpolate(new ConfigValue(scalar.getValue(), where(item), listPath)));
    }
    return List.copyOf(items);
  }

  /** Fails on the first key of this mapping that no read asked for, suggesting the closest. */
  void rejectUnknownKeys() {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (!readKeys.contains(key)) {
        String hint =
            KeySuggestion.closest(key, readKeys)
                .map(known -> " (did you mean " + childPath(known) + "?)")
                .orElse(" (known keys: " + String.join(", ", readKeys) + ")");
        throw new ConfigException(
            where(entry.getValue().getKeyNode()) + ": " + childPath(key) + ": unknown key" + hint);
      }
    }
  }

  /** An error about a key of this mapping, at the key's line when the file sets it. */
  ConfigException problem(String key, String problem) {
    NodeTuple tuple = entries.get(key);
    String where = tuple == null ? origin : where(tuple.getKeyNode());
    return new ConfigException(where + ": " + childPath(key) + ": " + problem);
  }

  ConfigException missing(String key) {
    return new ConfigException(origin + ": " + childPath(key) + " is required");
  }

  private Optional<ConfigValue> override(String keyPath) {
    if (keyPath.contains("[")) {
      return Optional.empty();
    }
    String variable = OVERRIDE_PREFIX + keyPath.replace('.', '_').toUpperCase(Locale.ROOT);
    return environment
        .get(variable)
        .map(text -> new ConfigValue(text, "environment variable " + variable, keyPath));
  }

  private String interpolate(ConfigValue raw) {
    Matcher matcher = REFERENCE.matcher(raw.text());
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement =
          environment
              .get(name)
              .orElseThrow(() -> raw.problem("environment variable " + name + " is not set"));
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private YamlMapping asMapping(Node node, String mappingPath, String description) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
      return new YamlMapping(file, environment, mappingPath, where(node), Map.of());
    }
    if (!(node instanceof MappingNode mapping)) {
      throw new ConfigException(
          where(node) + ": " + description + " must be a mapping (key: value)");
    }
    Map<String, NodeTuple> children = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new ConfigException(where(tuple.getKeyNode()) + ": keys must be plain names");
      }
      if (children.put(key.getValue(), tuple) != null) {
        String keyPath =
            mappingPath.isEmpty() ? key.getValue() : mappingPath + "." + key.getValue();
        throw new ConfigException(where(key) + ": " + keyPath + ": key given twice");
      }
    }
    return new YamlMapping(file, environment, mappingPath, where(node), children);
  }

  /** The value node of a key, or null when the key is absent or its value is empty. */
  private Node node(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return null;
    }
    Node value = tuple.getValueNode();
    boolean empty = value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    return empty ? null : value;
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String where(Node node) {
    return node.getStartMark().map(mark -> file + " line " + (mark.getLine() + 1)).orElse(file);
  }
}
