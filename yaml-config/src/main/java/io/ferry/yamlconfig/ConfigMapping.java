package io.ferry.yamlconfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * Typed, checked access to one YAML mapping of a configuration file: the top level, a section such
 * as {@code influxdb}, or one entry of a list such as {@code inputs.mysql[0]}.
 *
 * <p>A key that is absent or set to nothing ({@code key:}, {@code ~}, {@code null}) takes its
 * default. Every getter remembers the key it was asked for, so that {@link #rejectUnknownKeys()}
 * can report any other key as a typo. Scalar values from the file have {@code ${NAME}} and {@code
 * ${NAME:-fallback}} replaced by environment variables; a {@link ValueOverrides} value wins over
 * the file. Every error is a {@link ConfigException} naming the file, line and key path.
 */
public final class ConfigMapping {

  private static final String HTTP_URL = "an http:// or https:// URL with a host";

  private final ReadContext context;
  private final String path;
  private final Location location;
  private final Map<String, NodeTuple> entries;
  private final Set<String> knownKeys = new LinkedHashSet<>();
  private final Map<String, ConfigMapping> mappings = new LinkedHashMap<>();
  private final Map<String, List<ConfigMapping>> mappingLists = new LinkedHashMap<>();

  private ConfigMapping(
      ReadContext context, String path, Location location, Map<String, NodeTuple> entries) {
    this.context = context;
    this.path = path;
    this.location = location;
    this.entries = entries;
  }

  /** The document's top-level mapping; an empty document is an empty mapping. */
  static ConfigMapping root(ReadContext context, Optional<Node> document) {
    DuplicateKeys.reject(context.fileLabel(), document);
    // The top level has no useful line: a key missing from it is missing from the whole file.
    Location wholeFile = Location.of(context.fileLabel());
    return document
        .map(node -> of(context, node, ""))
        .map(root -> new ConfigMapping(context, "", wholeFile, root.entries))
        .orElseGet(() -> new ConfigMapping(context, "", wholeFile, Map.of()));
  }

  /** The key path of this mapping, such as {@code inputs.mysql[0]}; empty at the top level. */
  public String path() {
    return path;
  }

  /** Whether the file sets {@code key} to something other than nothing. */
  public boolean has(String key) {
    knownKeys.add(key);
    return node(key).isPresent();
  }

  /**
   * A nested mapping; absent or empty means every key in it takes its default. Asking twice gives
   * the same mapping, so keys read through either count as known.
   */
  public ConfigMapping mapping(String key) {
    knownKeys.add(key);
    return mappings.computeIfAbsent(
        key,
        absent ->
            node(key)
                .map(node -> of(context, node, childPath(key)))
                .orElseGet(
                    () ->
                        new ConfigMapping(context, childPath(key), absentLocation(key), Map.of())));
  }

  /** A list of mappings such as {@code inputs.mysql}; absent means an empty list. */
  public List<ConfigMapping> mappingList(String key) {
    knownKeys.add(key);
    return mappingLists.computeIfAbsent(key, this::readMappingList);
  }

  private List<ConfigMapping> readMappingList(String key) {
    Optional<Node> node = node(key);
    if (node.isEmpty()) {
      return List.of();
    }
    String listPath = childPath(key);
    if (!(node.get() instanceof SequenceNode sequence)) {
      throw at(node.get()).problem(listPath, "expected a list of mappings (- key: value)");
    }
    List<ConfigMapping> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      String itemPath = listPath + "[" + items.size() + "]";
      items.add(
          isNull(item)
              ? new ConfigMapping(context, itemPath, at(item), Map.of())
              : of(context, item, itemPath));
    }
    return List.copyOf(items);
  }

  /** A string; empty when absent. */
  public Optional<String> string(String key) {
    return scalar(key).map(ConfigValue::text);
  }

  /** A string, or {@code defaultValue} when absent. */
  public String string(String key, String defaultValue) {
    return string(key).orElse(defaultValue);
  }

  /** A string that must be present and not blank. */
  public String requiredString(String key) {
    return string(key).filter(text -> !text.isBlank()).orElseThrow(() -> missing(key));
  }

  /** A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent. */
  public int integer(String key, int defaultValue, int min, int max) {
    return (int) wholeNumber(key, defaultValue, min, max, Integer.MAX_VALUE);
  }

  /** A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent. */
  public long longValue(String key, long defaultValue, long min, long max) {
    return wholeNumber(key, defaultValue, min, max, Long.MAX_VALUE);
  }

  private long wholeNumber(String key, long defaultValue, long min, long max, long typeMax) {
    String expected =
        max == typeMax
            ? "a whole number of at least " + min
            : "a whole number from " + min + " to " + max;
    return parsed(
        key,
        defaultValue,
        expected,
        text -> ValueParsers.wholeNumber(text).filter(n -> n >= min && n <= max));
  }

  /** {@code true} or {@code false} in any case, or {@code defaultValue} when absent. */
  public boolean bool(String key, boolean defaultValue) {
    return parsed(key, defaultValue, "true or false", ValueParsers::bool);
  }

  /**
   * A duration longer than zero such as {@code 100ms}, {@code 10s}, {@code 5m} or {@code 1h}, or
   * {@code defaultValue} when absent.
   */
  public Duration duration(String key, Duration defaultValue) {
    return parsed(
        key,
        defaultValue,
        "a positive duration such as 100ms, 10s, 5m or 1h",
        text -> ConfigUnits.parseDuration(text).filter(d -> !d.isZero()));
  }

  /**
   * A size in bytes larger than zero such as {@code 512KiB}, {@code 10MiB} or {@code 4096}, or
   * {@code defaultValue} when absent.
   */
  public long byteSize(String key, long defaultValue) {
    return parsed(
        key,
        defaultValue,
        "a positive size such as 512KiB, 10MiB or 1GiB",
        text -> ConfigUnits.parseBytes(text).filter(b -> b > 0));
  }

  /**
   * An {@code http://} or {@code https://} URL with a host and without trailing slash, or {@code
   * defaultValue} when absent.
   */
  public URI httpUrl(String key, URI defaultValue) {
    return parsed(key, defaultValue, HTTP_URL, ValueParsers::httpUrl);
  }

  /** An {@code http://} or {@code https://} URL that must be present. */
  public URI requiredHttpUrl(String key) {
    return parsed(key, HTTP_URL, ValueParsers::httpUrl).orElseThrow(() -> missing(key));
  }

  /**
   * A value converted by {@code parser}, or {@code defaultValue} when absent.
   *
   * @param expected what the value should look like, for the error when {@code parser} returns
   *     empty, e.g. {@code auto, v1 or v2}
   */
  public <T> T parsed(
      String key, T defaultValue, String expected, Function<String, Optional<T>> parser) {
    return parsed(key, expected, parser).orElse(defaultValue);
  }

  /** A value converted by {@code parser}; empty when absent. */
  public <T> Optional<T> parsed(String key, String expected, Function<String, Optional<T>> parser) {
    return scalar(key)
        .map(value -> parser.apply(value.text()).orElseThrow(() -> value.expected(expected)));
  }

  /**
   * A list of strings such as {@code [tmpfs, nfs]}, or {@code defaultValue} when absent. An
   * override gives the list as comma-separated text.
   */
  public List<String> stringList(String key, List<String> defaultValue) {
    knownKeys.add(key);
    String listPath = childPath(key);
    Optional<ValueOverrides.OverrideValue> override = context.overrides().find(listPath);
    if (override.isPresent()) {
      return Arrays.stream(override.get().text().split(","))
          .map(String::trim)
          .filter(item -> !item.isEmpty())
          .toList();
    }
    Optional<Node> node = node(key);
    if (node.isEmpty()) {
      return defaultValue;
    }
    if (!(node.get() instanceof SequenceNode sequence)) {
      throw at(node.get()).problem(listPath, "expected a list ([a, b])");
    }
    List<String> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (!(item instanceof ScalarNode scalar)) {
        throw at(item).problem(listPath, "expected single values as items, not lists or mappings");
      }
      var value = new ConfigValue(scalar.getValue(), at(item), listPath, false);
      items.add(context.interpolator().interpolate(value).text());
    }
    return List.copyOf(items);
  }

  /**
   * A mapping of names to non-empty strings, such as {@code tags: {dc: east}}, in file order;
   * absent means empty.
   */
  public Map<String, String> stringMap(String key) {
    ConfigMapping map = mapping(key);
    Map<String, String> result = new LinkedHashMap<>();
    for (String name : map.entries.keySet()) {
      String value = map.string(name).orElse("");
      if (value.isEmpty()) {
        throw map.problem(name, "must not be empty");
      }
      result.put(name, value);
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * A secret given either inline under {@code key} or as a file named under {@code key_file}
   * (relative paths are resolved against the configuration file's folder; surrounding white space
   * is dropped). Setting both in the file is an error; an override of one wins over the other set
   * in the file.
   */
  public Optional<String> secret(String key) {
    String fileKey = key + "_file";
    Optional<ConfigValue> inline = scalar(key);
    Optional<ConfigValue> fromFile = scalar(fileKey);
    if (inline.isPresent() && fromFile.isPresent()) {
      boolean inlineOverridden = inline.get().overridden();
      if (inlineOverridden == fromFile.get().overridden()) {
        throw fromFile.get().problem("set either " + key + " or " + fileKey + ", not both");
      }
      return inlineOverridden ? inline.map(ConfigValue::text) : fromFile.map(this::readSecretFile);
    }
    return inline.map(ConfigValue::text).or(() -> fromFile.map(this::readSecretFile));
  }

  /**
   * Fails on the first key that no getter asked for, in this mapping or any mapping read from it,
   * suggesting the closest known key.
   */
  public void rejectUnknownKeys() {
    for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
      String key = entry.getKey();
      if (!knownKeys.contains(key)) {
        String hint =
            KeySuggestion.closest(key, knownKeys)
                .map(known -> " (did you mean " + childPath(known) + "?)")
                .orElse(" (known keys: " + String.join(", ", knownKeys) + ")");
        throw at(entry.getValue().getKeyNode()).problem(childPath(key), "unknown key" + hint);
      }
    }
    for (ConfigMapping child : mappings.values()) {
      child.rejectUnknownKeys();
    }
    for (List<ConfigMapping> list : mappingLists.values()) {
      list.forEach(ConfigMapping::rejectUnknownKeys);
    }
  }

  /** An error about {@code key}, at its line when the file sets it, else at this mapping. */
  public ConfigException problem(String key, String problem) {
    knownKeys.add(key);
    return keyLocation(key).problem(childPath(key), problem);
  }

  /** An error about this mapping as a whole. */
  public ConfigException problem(String problem) {
    return location.problem(path, problem);
  }

  /** The error for a required key that is absent or blank. */
  public ConfigException missing(String key) {
    return problem(key, "is required");
  }

  private Optional<ConfigValue> scalar(String key) {
    knownKeys.add(key);
    String keyPath = childPath(key);
    Optional<ValueOverrides.OverrideValue> override = context.overrides().find(keyPath);
    if (override.isPresent()) {
      Location source = Location.of(override.get().source());
      return Optional.of(new ConfigValue(override.get().text(), source, keyPath, true));
    }
    Optional<Node> node = node(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (!(node.get() instanceof ScalarNode scalar)) {
      throw at(node.get()).problem(keyPath, "expected a single value, not a list or mapping");
    }
    var raw = new ConfigValue(scalar.getValue(), at(scalar), keyPath, false);
    return Optional.of(context.interpolator().interpolate(raw));
  }

  private String readSecretFile(ConfigValue setting) {
    Path file = context.baseDir().resolve(setting.text());
    return SecretFile.read(file, setting);
  }

  private static ConfigMapping of(ReadContext context, Node node, String path) {
    Location location = Location.of(context.fileLabel(), node);
    if (!(node instanceof MappingNode mapping)) {
      throw path.isEmpty()
          ? location.problem("", "expected a mapping (key: value) at the top level")
          : location.problem(path, "expected a mapping (key: value)");
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    // DuplicateKeys has already checked the whole document: keys are unique plain scalars.
    for (NodeTuple tuple : mapping.getValue()) {
      entries.put(((ScalarNode) tuple.getKeyNode()).getValue(), tuple);
    }
    return new ConfigMapping(context, path, location, entries);
  }

  /** The value of a key; empty when the key is absent or set to nothing. */
  private Optional<Node> node(String key) {
    return Optional.ofNullable(entries.get(key))
        .map(NodeTuple::getValueNode)
        .filter(value -> !isNull(value));
  }

  private static boolean isNull(Node value) {
    if (!(value instanceof ScalarNode scalar)) {
      return false;
    }
    if (Tag.NULL.equals(scalar.getTag())) {
      return true;
    }
    // The JSON schema snakeyaml-engine resolves with reads only "null" as null; YAML users also
    // write "~" and nothing at all.
    return scalar.getScalarStyle() == ScalarStyle.PLAIN
        && switch (scalar.getValue()) {
          case "", "~", "null", "Null", "NULL" -> true;
          default -> false;
        };
  }

  /** Where a mapping the file leaves out or sets to nothing is reported. */
  private Location absentLocation(String key) {
    return entries.containsKey(key) ? keyLocation(key) : Location.of(context.fileLabel());
  }

  private Location keyLocation(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? location : at(tuple.getKeyNode());
  }

  private Location at(Node node) {
    return Location.of(context.fileLabel(), node);
  }

  private String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
