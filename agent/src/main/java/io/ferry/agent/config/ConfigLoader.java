package io.ferry.agent.config;

import io.ferry.agent.input.InputContext;
import io.ferry.agent.input.InputSettings;
import io.ferry.agent.spool.SpoolConfig;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the agent's YAML configuration into {@link AgentSettings}: every option typed, defaulted
 * and checked here, so that a bad value stops the agent at start-up with a {@link ConfigException}
 * naming the file, the line and the key path. Unknown keys are errors, with the closest known key
 * suggested. A {@code FERRY_AGENT_<PATH>} environment variable overrides the key at that path (see
 * {@link AgentEnvironmentOverrides}).
 */
public final class ConfigLoader {

  private final YamlConfigReader reader;
  private final Supplier<Optional<String>> localHostName;

  /**
   * @param environment where {@code ${NAME}} references and {@code FERRY_AGENT_<PATH>} overrides
   *     are looked up
   * @param localHostName the default for {@code agent.host}; empty when it cannot be determined
   */
  public ConfigLoader(Environment environment, Supplier<Optional<String>> localHostName) {
    this.reader = new YamlConfigReader(environment, new AgentEnvironmentOverrides(environment));
    this.localHostName = localHostName;
  }

  /** A loader using the process environment and this machine's host name. */
  public static ConfigLoader forThisProcess() {
    return new ConfigLoader(Environment.system(), ConfigLoader::systemHostName);
  }

  /**
   * Reads and checks a configuration file; relative {@code *_file} paths in it are resolved against
   * the file's folder.
   */
  public AgentSettings load(Path file) {
    return settings(reader.read(file));
  }

  /**
   * Reads and checks configuration text; relative {@code *_file} paths in it are resolved against
   * the working directory.
   *
   * @param fileLabel the name used in error messages, usually the file's path as given
   */
  public AgentSettings parse(String yaml, String fileLabel) {
    return settings(reader.parse(yaml, fileLabel, Path.of("")));
  }

  private AgentSettings settings(ConfigMapping root) {
    AgentConfig agent = agent(root.mapping("agent"));
    CollectorConfig collector = collector(root.mapping("collector"));
    InputSettings inputs =
        InputSettings.read(root.mapping("inputs"), new InputContext(agent.stateDirectory()));
    SpoolConfig spool = spool(root.mapping("spool"), agent.spoolDirectory());
    root.rejectUnknownKeys();
    return new AgentSettings(agent, collector, spool, inputs);
  }

  private AgentConfig agent(ConfigMapping section) {
    String host =
        section
            .string("host")
            .filter(name -> !name.isBlank())
            .or(localHostName)
            .orElseThrow(
                () -> section.problem("host", "cannot determine this machine's host name; set it"));
    var config =
        new AgentConfig(
            host,
            section.duration("interval", AgentConfig.DEFAULT_INTERVAL),
            section.bool("jitter", AgentConfig.DEFAULT_JITTER),
            section.stringMap("tags"),
            Path.of(stateDirectory(section)));
    if (config.tags().containsKey("host")) {
      throw section.problem("tags", "host: set the host name with agent.host instead");
    }
    return config;
  }

  private CollectorConfig collector(ConfigMapping section) {
    return new CollectorConfig(
        section.requiredHttpUrl("url"),
        section
            .secret("token")
            .filter(token -> !token.isBlank())
            .orElseThrow(() -> section.missing("token")),
        section.duration("timeout", CollectorConfig.DEFAULT_TIMEOUT),
        section.integer(
            "batch_max_points", CollectorConfig.DEFAULT_BATCH_MAX_POINTS, 1, Integer.MAX_VALUE));
  }

  private static String stateDirectory(ConfigMapping section) {
    String directory = section.string("state_directory", AgentConfig.DEFAULT_STATE_DIRECTORY);
    if (directory.isBlank()) {
      throw section.problem("state_directory", "must not be empty");
    }
    return directory;
  }

  private SpoolConfig spool(ConfigMapping section, Path directory) {
    long maxBytes = section.byteSize("max_bytes", SpoolConfig.DEFAULT_MAX_BYTES);
    if (maxBytes < SpoolConfig.MIN_MAX_BYTES) {
      throw section.problem(
          "max_bytes", "must be at least " + ConfigUnits.formatBytes(SpoolConfig.MIN_MAX_BYTES));
    }
    return new SpoolConfig(
        directory,
        maxBytes,
        section.integer(
            "replay_points_per_second",
            SpoolConfig.DEFAULT_REPLAY_POINTS_PER_SECOND,
            1,
            Integer.MAX_VALUE));
  }

  private static Optional<String> systemHostName() {
    try {
      return Optional.of(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
