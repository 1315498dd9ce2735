package io.ferry.alerts.notify;

import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code receivers} list of a configuration file into notifiers, in file order:
 *
 * <pre>{@code
 * receivers:
 *   - name: oncall
 *     webhook: {url: http://127.0.0.1:9000/hook, token_file: /etc/ferry/hook-token}
 *   - name: dba-mail
 *     email: {host: 127.0.0.1, from: ferry@example.com, to: [dba@example.com]}
 * }</pre>
 *
 * <p>Every receiver has a unique {@code name} and exactly one section named after its {@link
 * ReceiverKind}. Every error is a {@link ConfigException} naming the file, the line and the key.
 */
public final class ReceiversReader {

  /** The key of the list. */
  public static final String RECEIVERS = "receivers";

  private final YamlConfigReader reader;

  /** A reader that resolves {@code ${NAME}} from the process environment. */
  public ReceiversReader() {
    this(Environment.system());
  }

  /** A reader that resolves {@code ${NAME}} with {@code environment}. */
  public ReceiversReader(Environment environment) {
    this.reader = new YamlConfigReader(environment);
  }

  /** Reads a file that holds the {@code receivers} list and nothing else. */
  public Map<String, Notifier> load(Path file) {
    return whole(reader.read(file));
  }

  /**
   * Reads text that holds the {@code receivers} list and nothing else.
   *
   * @param fileLabel the name errors use for the file
   * @param baseDir the folder relative {@code *_file} paths are resolved against
   */
  public Map<String, Notifier> parse(String yaml, String fileLabel, Path baseDir) {
    return whole(reader.parse(yaml, fileLabel, baseDir));
  }

  private static Map<String, Notifier> whole(ConfigMapping root) {
    Map<String, Notifier> receivers = read(root);
    root.rejectUnknownKeys();
    return receivers;
  }

  /**
   * Reads the {@code receivers} list of {@code parent}, a mapping of a larger file, and rejects
   * unknown keys inside the list; the caller rejects the unknown keys of {@code parent} itself.
   */
  public static Map<String, Notifier> read(ConfigMapping parent) {
    Map<String, Notifier> receivers = new LinkedHashMap<>();
    for (ConfigMapping entry : parent.mappingList(RECEIVERS)) {
      String name = entry.requiredString("name");
      if (receivers.containsKey(name)) {
        throw entry.problem("name", "another receiver is already named " + name);
      }
      ReceiverKind kind = kindOf(entry);
      Notifier notifier = kind.create(name, entry.mapping(kind.configName()));
      entry.rejectUnknownKeys();
      receivers.put(name, notifier);
    }
    return Collections.unmodifiableMap(receivers);
  }

  private static ReceiverKind kindOf(ConfigMapping entry) {
    List<ReceiverKind> kinds = new ArrayList<>();
    for (ReceiverKind kind : ReceiverKind.values()) {
      if (entry.has(kind.configName())) {
        kinds.add(kind);
      }
    }
    if (kinds.isEmpty()) {
      throw entry.problem(
          "a receiver needs one of " + String.join(", ", ReceiverKind.configNames()));
    }
    if (kinds.size() > 1) {
      throw entry.problem(
          kinds.get(1).configName(),
          "a receiver has exactly one kind, but "
              + kinds.get(0).configName()
              + " is set too; split it into two receivers");
    }
    return kinds.get(0);
  }
}
