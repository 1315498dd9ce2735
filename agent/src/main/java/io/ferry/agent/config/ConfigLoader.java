package io.ferry.agent.config;

import io.ferry.agent.input.mysql.MySqlSourceConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the agent's YAML configuration into {@link AgentSettings}: every option typed, defaulted
 * and checked here, so that a bad value stops the agent at start-up with a {@link ConfigException}
 * naming the file, the line and the key path. Unknown keys are errors, with the closest known key
 * suggested.
 */
public final class ConfigLoader {

  private final Environment environment;
  private final Supplier<Optional<String>> localHostName;

  /**
   * @param environment where {@code ${NAME}} references and {@code FERRY_AGENT_<PATH>} overrides
   *     are looked up
   * @param localHostName the default for {@code agent.host}; empty when it cannot be determined
   */
  public ConfigLoader(Environment environment, Supplier<Optional<String>> localHostName) {
    this.environment = environment;
    this.localHostName = localHostName;
  }

  /** A loader using the process environment and this machine's host name. */
  public static ConfigLoader forThisProcess() {
    return new ConfigLoader(Environment.system(), ConfigLoader::systemHostName);
  }

  /** Reads and checks a configuration file. */
  public AgentSettings load(Path file) {
    String label = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(label + ": cannot read the configuration file (" + e + ")");
    }
    return parse(text, label);
  }

  /**
   * Reads and checks configuration text.
   *
   * @param fileLabel the name used in error messages, usually the file's path as given
   */
  public AgentSettings parse(String yaml, String fileLabel) {
    YamlMapping root = YamlMapping.root(fileLabel, environment, compose(yaml, fileLabel));
    AgentConfig agent = agent(root.mapping("agent"));
    CollectorConfig collector = collector(root.mapping("collector"));
    YamlMapping inputs = root.mapping("inputs");
    OsInputConfig os = os(inputs.mapping("os"));
    List<MySqlSourceConfig> mysql = mysql(inputs.mappingList("mysql"));
    inputs.rejectUnknownKeys();
    root.rejectUnknownKeys();
    return new AgentSettings(agent, collector, os, mysql);
  }

  private AgentConfig agent(YamlMapping section) {
    Optional<String> host = section.value("host").map(ConfigValue::text).filter(h -> !h.isBlank());
    var config =
        new AgentConfig(
            host.or(localHostName)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "cannot determine this machine's host name: set agent.host")),
            section.duration("interval", AgentConfig.DEFAULT_INTERVAL),
            section.bool("jitter", AgentConfig.DEFAULT_JITTER),
            section.stringMap("tags"),
            section.integer(
                "buffer_max_points", AgentConfig.DEFAULT_BUFFER_MAX_POINTS, 1, Integer.MAX_VALUE));
    if (config.tags().containsKey("host")) {
      throw section.problem("tags", "host: set the host name with agent.host instead");
    }
    section.rejectUnknownKeys();
    return config;
  }

  private CollectorConfig collector(YamlMapping section) {
    var config =
        new CollectorConfig(
            section.requiredHttpUrl("url"),
            section
                .secret("token")
                .filter(token -> !token.isBlank())
                .orElseThrow(() -> section.missing("token")),
            section.duration("timeout", CollectorConfig.DEFAULT_TIMEOUT),
            section.integer(
                "batch_max_points",
                CollectorConfig.DEFAULT_BATCH_MAX_POINTS,
                1,
                Integer.MAX_VALUE));
    section.rejectUnknownKeys();
    return config;
  }

  private OsInputConfig os(YamlMapping section) {
    var config =
        new OsInputConfig(
            section.bool("enabled", OsInputConfig.DEFAULT_ENABLED),
            section.bool("per_cpu", OsInputConfig.DEFAULT_PER_CPU),
            section.stringList("fs_exclude_types", OsInputConfig.DEFAULT_FS_EXCLUDE_TYPES),
            section.bool("net_include_loopback", OsInputConfig.DEFAULT_NET_INCLUDE_LOOPBACK));
    section.rejectUnknownKeys();
    return config;
  }

  private List<MySqlSourceConfig> mysql(List<YamlMapping> entries) {
    List<MySqlSourceConfig> servers = new ArrayList<>();
    var names = new HashSet<String>();
    for (YamlMapping entry : entries) {
      String name = entry.requiredString("name");
      if (!names.add(name)) {
        throw entry.problem("name", "\"" + name + "\" is used by another mysql entry");
      }
      Map<String, String> tags = entry.stringMap("tags");
      servers.add(
          new MySqlSourceConfig(
              name,
              entry.string("host", "127.0.0.1"),
              entry.integer("port", MySqlSourceConfig.DEFAULT_PORT, 1, 65_535),
              entry.requiredString("user"),
              entry.secret("password").orElse(""),
              entry.duration("connect_timeout", MySqlSourceConfig.DEFAULT_CONNECT_TIMEOUT),
              entry.duration("query_timeout", MySqlSourceConfig.DEFAULT_QUERY_TIMEOUT),
              tags));
      entry.rejectUnknownKeys();
    }
    return servers;
  }

  private static Optional<Node> compose(String yaml, String fileLabel) {
    try {
      return new Compose(LoadSettings.builder().setLabel(fileLabel).build()).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      String line = e.getProblemMark().map(mark -> " line " + (mark.getLine() + 1)).orElse("");
      throw new ConfigException(fileLabel + line + ": not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(fileLabel + ": not valid YAML: " + e.getMessage());
    }
  }

  private static Optional<String> systemHostName() {
    try {
      return Optional.of(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
