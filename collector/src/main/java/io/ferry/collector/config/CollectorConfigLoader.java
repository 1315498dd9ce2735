package io.ferry.collector.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code collector.yml}: the one place where keys, defaults and validation of the collector's
 * configuration live. Values may reference environment variables ({@code ${NAME}} or {@code
 * ${NAME:-fallback}}); secrets may be read from files ({@code token_file}, {@code password_file}).
 * Every error names the file, the line and the key path.
 */
public final class CollectorConfigLoader {

  private final Function<String, String> environment;

  /** A loader that resolves {@code ${NAME}} from the process environment. */
  public CollectorConfigLoader() {
    this(System::getenv);
  }

  /** A loader that resolves {@code ${NAME}} with the given lookup (null when unset). */
  public CollectorConfigLoader(Function<String, String> environment) {
    this.environment = environment;
  }

  /** Reads and validates a configuration file. */
  public CollectorConfig load(Path file) throws ConfigException {
    String label = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": configuration file does not exist");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read configuration file: " + e.getMessage());
    }
    Path baseDir = file.toAbsolutePath().getParent();
    return parse(text, label, baseDir == null ? Path.of(".") : baseDir);
  }

  /**
   * Reads and validates configuration text.
   *
   * @param fileLabel the name errors use for the file
   * @param baseDir the folder relative {@code *_file} paths are resolved against
   */
  public CollectorConfig parse(String yaml, String fileLabel, Path baseDir) throws ConfigException {
    var source = new YamlMap.Source(fileLabel, baseDir, new EnvInterpolator(environment));
    Optional<Node> document = compose(yaml, fileLabel);
    if (document.isEmpty()) {
      throw new ConfigException(
          fileLabel + ": the file is empty; at least auth.tokens is required");
    }
    YamlMap root = YamlMap.root(source, document.get());
    ListenConfig listen = readListen(root);
    AuthConfig auth = readAuth(root);
    IngestConfig ingest = readIngest(root);
    InfluxConfig influxdb = readInflux(root);
    root.rejectUnknownKeys();
    return new CollectorConfig(listen, auth, ingest, influxdb);
  }

  private static Optional<Node> compose(String yaml, String fileLabel) throws ConfigException {
    LoadSettings settings = LoadSettings.builder().setLabel(fileLabel).build();
    try {
      return new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      String line =
          e.getProblemMark().or(e::getContextMark).map(m -> ":" + (m.getLine() + 1)).orElse("");
      throw new ConfigException(fileLabel + line + ": not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(fileLabel + ": not valid YAML: " + e.getMessage());
    }
  }

  private static ListenConfig readListen(YamlMap root) throws ConfigException {
    Optional<YamlMap> section = root.map("listen");
    if (section.isEmpty()) {
      return ListenConfig.defaults();
    }
    YamlMap listen = section.get();
    var config =
        new ListenConfig(
            listen.string("host", ListenConfig.DEFAULT_HOST),
            listen.integer("port", ListenConfig.DEFAULT_PORT, 0, 65535));
    listen.rejectUnknownKeys();
    return config;
  }

  private static AuthConfig readAuth(YamlMap root) throws ConfigException {
    Optional<YamlMap> section = root.map("auth");
    if (section.isEmpty()) {
      throw root.error("auth", "is required: list at least one token under auth.tokens");
    }
    YamlMap auth = section.get();
    List<ApiToken> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    for (YamlMap entry : auth.mapList("tokens")) {
      String name = entry.requiredString("name");
      String token =
          entry
              .secret("token")
              .orElseThrow(() -> entry.error("token", "is required (or token_file)"));
      if (token.isBlank()) {
        throw entry.error("token", "must not be empty");
      }
      if (!names.add(name)) {
        throw entry.error("name", "another token is already named " + name);
      }
      if (!secrets.add(token)) {
        throw entry.error("token", "the same token is already given to another name");
      }
      entry.rejectUnknownKeys();
      tokens.add(new ApiToken(name, token));
    }
    if (tokens.isEmpty()) {
      throw auth.error("tokens", "list at least one token; every request is authenticated");
    }
    auth.rejectUnknownKeys();
    return new AuthConfig(tokens);
  }

  private static IngestConfig readIngest(YamlMap root) throws ConfigException {
    Optional<YamlMap> section = root.map("ingest");
    if (section.isEmpty()) {
      return IngestConfig.defaults();
    }
    YamlMap ingest = section.get();
    var config =
        new IngestConfig(ingest.bytes("max_body_bytes", IngestConfig.DEFAULT_MAX_BODY_BYTES));
    if (config.maxBodyBytes() > Integer.MAX_VALUE) {
      throw ingest.error("max_body_bytes", "must be below 2GiB");
    }
    ingest.rejectUnknownKeys();
    return config;
  }

  private static InfluxConfig readInflux(YamlMap root) throws ConfigException {
    Optional<YamlMap> section = root.map("influxdb");
    if (section.isEmpty()) {
      return InfluxConfig.defaults();
    }
    YamlMap influx = section.get();
    URI url =
        influx.parsed(
            "url",
            InfluxConfig.DEFAULT_URL,
            "an http:// or https:// URL with a host",
            CollectorConfigLoader::httpUrl);
    InfluxApi api =
        influx.parsed("api", InfluxApi.AUTO, "auto, v1 or v2", InfluxApi::fromConfigName);
    var destination =
        new InfluxDestination(
            influx.string("database", InfluxDestination.DEFAULT_DATABASE),
            influx.string("retention_policy").orElse(null),
            influx.string("bucket").orElse(null),
            influx.string("org").orElse(null),
            influx.bool("create_database", true));
    if (destination.database().isBlank()) {
      throw influx.error("database", "must not be empty");
    }
    var credentials =
        new InfluxCredentials(
            influx.secret("token").orElse(null),
            influx.string("username").orElse(null),
            influx.secret("password").orElse(null));
    if (credentials.password() != null && credentials.username() == null) {
      throw influx.error("username", "is required when a password is set");
    }
    var batching =
        new BatchingConfig(
            influx.integer("batch_max_points", BatchingConfig.DEFAULT_MAX_POINTS, 1, 1_000_000),
            influx.duration("flush_interval", BatchingConfig.DEFAULT_FLUSH_INTERVAL),
            influx.integer(
                "max_pending_points", BatchingConfig.DEFAULT_MAX_PENDING, 1, 100_000_000));
    if (batching.maxPendingPoints() < batching.maxPoints()) {
      throw influx.error(
          "max_pending_points", "must be at least batch_max_points (" + batching.maxPoints() + ")");
    }
    var config =
        new InfluxConfig(
            url,
            api,
            influx.duration("timeout", InfluxConfig.DEFAULT_TIMEOUT),
            destination,
            credentials,
            batching);
    influx.rejectUnknownKeys();
    return config;
  }

  private static Optional<URI> httpUrl(String text) {
    try {
      URI uri = new URI(text.trim());
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
