package io.ferry.collector.config;

import io.ferry.collector.alerting.AlertingConfig;
import io.ferry.collector.alerting.AlertingConfigReader;
import io.ferry.collector.cluster.ClusteringConfig;
import io.ferry.collector.cluster.ClusteringConfigReader;
import io.ferry.collector.compare.MySqlDsn;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.Phase;
import io.ferry.cutover.data.LoadLimit;
import io.ferry.cutover.data.TableFilter;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.ConfigMapping;
import io.ferry.yamlconfig.ConfigUnits;
import io.ferry.yamlconfig.Environment;
import io.ferry.yamlconfig.YamlConfigReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code collector.yml}: the one place where keys, defaults and validation of the collector's
 * configuration live. Values may reference environment variables ({@code ${NAME}} or {@code
 * ${NAME:-fallback}}); secrets may be read from files ({@code token_file}, {@code password_file}).
 * Every error is a {@link ConfigException} naming the file, the line and the key path.
 */
public final class CollectorConfigLoader {

  private final YamlConfigReader reader;

  /** A loader that resolves {@code ${NAME}} from the process environment. */
  public CollectorConfigLoader() {
    this(System::getenv);
  }

  /** A loader that resolves {@code ${NAME}} with the given lookup (null when unset). */
  public CollectorConfigLoader(Function<String, String> environment) {
    Environment lookup = name -> Optional.ofNullable(environment.apply(name));
    this.reader = new YamlConfigReader(lookup);
  }

  /**
   * Reads and validates a configuration file; relative {@code *_file} paths in it are resolved
   * against the file's folder.
   */
  public CollectorConfig load(Path file) {
    return config(reader.read(file), file.toAbsolutePath().getParent());
  }

  /**
   * Reads and validates configuration text.
   *
   * @param fileLabel the name errors use for the file
   * @param baseDir the folder relative {@code *_file} paths are resolved against
   */
  public CollectorConfig parse(String yaml, String fileLabel, Path baseDir) {
    return config(reader.parse(yaml, fileLabel, baseDir), baseDir);
  }

  private static CollectorConfig config(ConfigMapping root, Path baseDir) {
    ListenConfig listen = readListen(root.mapping("listen"), baseDir);
    AuthConfig auth = readAuth(root, baseDir);
    IngestConfig ingest = readIngest(root.mapping("ingest"));
    InfluxConfig influxdb = readInflux(root.mapping("influxdb"), baseDir);
    Optional<CompareConfig> compare =
        root.has("compare")
            ? Optional.of(readCompare(root.mapping("compare"), baseDir))
            : Optional.empty();
    Optional<AlertingConfig> alerts =
        root.has("alerts")
            ? Optional.of(
                AlertingConfigReader.read(
                    root.mapping("alerts"), baseDir, influxdb.batching().maxPendingPoints()))
            : Optional.empty();
    Optional<ClusteringConfig> cluster =
        root.has("cluster")
            ? Optional.of(ClusteringConfigReader.read(root.mapping("cluster")))
            : Optional.empty();
    PagesConfig pages = readPages(root.mapping("pages"));
    root.rejectUnknownKeys();
    return new CollectorConfig(listen, auth, ingest, influxdb, compare, alerts, cluster, pages);
  }

  private static PagesConfig readPages(ConfigMapping pages) {
    Duration idle =
        pages.duration("session_idle_timeout", PagesConfig.DEFAULT_SESSION_IDLE_TIMEOUT);
    if (idle.isZero() || idle.isNegative()) {
      throw pages.problem("session_idle_timeout", "must be longer than 0s");
    }
    int failed =
        pages.integer(
            "failed_logins_per_minute",
            PagesConfig.DEFAULT_FAILED_LOGINS_PER_MINUTE,
            1,
            Integer.MAX_VALUE);
    pages.rejectUnknownKeys();
    return new PagesConfig(idle, failed);
  }

  private static ListenConfig readListen(ConfigMapping listen, Path baseDir) {
    Optional<ListenTls> tls = Optional.empty();
    if (listen.has("tls")) {
      ConfigMapping mapping = listen.mapping("tls");
      tls =
          Optional.of(
              new ListenTls(
                  readableFile(mapping, "cert", baseDir).orElseThrow(() -> mapping.missing("cert")),
                  readableFile(mapping, "key", baseDir).orElseThrow(() -> mapping.missing("key")),
                  readableFile(mapping, "client_ca", baseDir)));
    }
    return new ListenConfig(
        listen.string("host", ListenConfig.DEFAULT_HOST),
        listen.integer("port", ListenConfig.DEFAULT_PORT, 0, 65535),
        tls);
  }

  /** A file named under {@code key}, resolved against {@code baseDir}, that can be read. */
  private static Optional<Path> readableFile(ConfigMapping mapping, String key, Path baseDir) {
    Optional<Path> file = mapping.string(key).map(baseDir::resolve);
    if (file.isPresent() && !Files.isReadable(file.get())) {
      throw mapping.problem(key, "cannot read " + file.get());
    }
    return file;
  }

  private static InfluxTls readInfluxTls(ConfigMapping influx, Path baseDir) {
    if (!influx.has("tls")) {
      return InfluxTls.DEFAULTS;
    }
    ConfigMapping tls = influx.mapping("tls");
    var read =
        new InfluxTls(
            readableFile(tls, "ca", baseDir),
            readableFile(tls, "cert", baseDir),
            readableFile(tls, "key", baseDir),
            tls.bool("verify", true));
    if (read.cert().isPresent() != read.key().isPresent()) {
      throw tls.problem(read.cert().isPresent() ? "key" : "cert", "cert and key go together");
    }
    return read;
  }

  private static AuthConfig readAuth(ConfigMapping root, Path baseDir) {
    if (!root.has("auth")) {
      throw root.problem("auth", "is required: list at least one token under auth.tokens");
    }
    ConfigMapping auth = root.mapping("auth");
    List<ApiToken> tokens =
        auth.has("tokens") ? TokenListReader.read(auth, "tokens", List.of()) : List.of();
    RateLimit rateLimit =
        auth.has("rate_limit")
            ? TokenListReader.rateLimit(auth.mapping("rate_limit"))
            : RateLimit.NONE;
    Optional<Path> tokensFile = auth.string("tokens_file").map(baseDir::resolve);
    Duration reloadInterval = auth.duration("reload_interval", AuthConfig.DEFAULT_RELOAD_INTERVAL);
    if (reloadInterval.isZero() || reloadInterval.isNegative()) {
      throw auth.problem("reload_interval", "must be positive");
    }
    if (tokensFile.isPresent()) {
      // read now so that a broken file stops the start; its own errors name it and the line
      new TokensFileReader().read(tokensFile.get(), tokens);
    } else if (tokens.isEmpty()) {
      throw auth.problem(
          "tokens",
          "list at least one token (or name a tokens_file); every request is authenticated");
    }
    return new AuthConfig(tokens, rateLimit, tokensFile, reloadInterval);
  }

  private static IngestConfig readIngest(ConfigMapping ingest) {
    long maxBodyBytes = ingest.byteSize("max_body_bytes", IngestConfig.DEFAULT_MAX_BODY_BYTES);
    if (maxBodyBytes > Integer.MAX_VALUE) {
      throw ingest.problem("max_body_bytes", "must be below 2GiB");
    }
    long inFlight =
        ingest.parsed(
            "max_body_bytes_in_flight",
            IngestConfig.defaultBodyBytesInFlight(maxBodyBytes),
            "a positive size such as 64MiB, or auto ("
                + IngestConfig.IN_FLIGHT_BODIES
                + " times max_body_bytes)",
            text ->
                text.trim().equals("auto")
                    ? Optional.of(IngestConfig.defaultBodyBytesInFlight(maxBodyBytes))
                    : ConfigUnits.parseBytes(text).filter(b -> b > 0));
    if (inFlight < maxBodyBytes) {
      throw ingest.problem(
          "max_body_bytes_in_flight",
          "must be at least max_body_bytes ("
              + ConfigUnits.formatBytes(maxBodyBytes)
              + "), or one body of that size could never be received");
    }
    return new IngestConfig(
        maxBodyBytes,
        ingest.integer(
            "max_line_length", IngestConfig.DEFAULT_MAX_LINE_LENGTH, 64, Integer.MAX_VALUE),
        ingest.integer("max_tags", IngestConfig.DEFAULT_MAX_TAGS, 0, Integer.MAX_VALUE),
        ingest.integer("max_fields", IngestConfig.DEFAULT_MAX_FIELDS, 1, Integer.MAX_VALUE),
        ingest.integer("max_key_length", IngestConfig.DEFAULT_MAX_KEY_LENGTH, 1, 65535),
        timeLimit(ingest, "max_future", IngestConfig.DEFAULT_MAX_FUTURE),
        timeLimit(ingest, "max_age", IngestConfig.DEFAULT_MAX_AGE),
        inFlight,
        timeLimit(ingest, "max_expected_wait", IngestConfig.DEFAULT_MAX_EXPECTED_WAIT));
  }

  /** A positive duration, or {@code off} for no limit. */
  private static Optional<Duration> timeLimit(ConfigMapping ingest, String key, Duration fallback) {
    return ingest.parsed(
        key,
        Optional.of(fallback),
        "a positive duration such as 30m or 720h, or off",
        text ->
            text.trim().equals("off")
                ? Optional.of(Optional.<Duration>empty())
                : ConfigUnits.parseDuration(text).filter(d -> !d.isZero()).map(Optional::of));
  }

  private static InfluxConfig readInflux(ConfigMapping influx, Path baseDir) {
    URI url = influx.httpUrl("url", InfluxConfig.DEFAULT_URL);
    InfluxApi api =
        influx.parsed("api", InfluxApi.AUTO, "auto, v1 or v2", InfluxApi::fromConfigName);
    Duration timeout = influx.duration("timeout", InfluxConfig.DEFAULT_TIMEOUT);
    var destination =
        new InfluxDestination(
            influx.string("database", InfluxDestination.DEFAULT_DATABASE),
            influx.string("retention_policy").orElse(null),
            influx.string("bucket").orElse(null),
            influx.string("org").orElse(null),
            influx.bool("create_database", true));
    if (destination.database().isBlank()) {
      throw influx.problem("database", "must not be empty");
    }
    var credentials =
        new InfluxCredentials(
            influx.secret("token").orElse(null),
            influx.string("username").orElse(null),
            influx.secret("password").orElse(null));
    if (credentials.password() != null && credentials.username() == null) {
      throw influx.problem("username", "is required when a password is set");
    }
    var batching =
        new BatchingConfig(
            influx.integer("batch_max_points", BatchingConfig.DEFAULT_MAX_POINTS, 1, 1_000_000),
            influx.parsed(
                "flush_interval",
                BatchingConfig.DEFAULT_FLUSH_INTERVAL,
                "a duration of 0 or more such as 0ms, 20ms or 1s",
                text ->
                    text.trim().equals("0")
                        ? Optional.of(Duration.ZERO)
                        : ConfigUnits.parseDuration(text)),
            influx.integer(
                "max_pending_points", BatchingConfig.DEFAULT_MAX_PENDING, 1, 100_000_000),
            influx.integer(
                "max_concurrent_writes", BatchingConfig.DEFAULT_MAX_CONCURRENT_WRITES, 1, 256),
            readDeadLetters(influx, baseDir));
    if (batching.maxPendingPoints() < batching.maxPoints()) {
      throw influx.problem(
          "max_pending_points", "must be at least batch_max_points (" + batching.maxPoints() + ")");
    }
    InfluxTls tls = readInfluxTls(influx, baseDir);
    return new InfluxConfig(url, api, timeout, destination, credentials, batching, tls);
  }

  private static DeadLetterConfig readDeadLetters(ConfigMapping influx, Path baseDir) {
    Path dir = baseDir.resolve(influx.string("dead_letter_dir", DeadLetterConfig.DEFAULT_DIR));
    long fileBytes = influx.byteSize("dead_letter_file_bytes", DeadLetterConfig.DEFAULT_FILE_BYTES);
    if (fileBytes < DeadLetterConfig.MIN_FILE_BYTES) {
      throw influx.problem(
          "dead_letter_file_bytes",
          "must be at least " + ConfigUnits.formatBytes(DeadLetterConfig.MIN_FILE_BYTES));
    }
    long maxBytes = influx.byteSize("dead_letter_max_bytes", DeadLetterConfig.DEFAULT_MAX_BYTES);
    if (maxBytes < fileBytes) {
      throw influx.problem(
          "dead_letter_max_bytes",
          "must be at least dead_letter_file_bytes (" + ConfigUnits.formatBytes(fileBytes) + ")");
    }
    return new DeadLetterConfig(dir, fileBytes, maxBytes);
  }

  private static CompareConfig readCompare(ConfigMapping compare, Path baseDir) {
    ClusterConfig oldCluster = readCluster(compare, "old");
    ClusterConfig newCluster = readCluster(compare, "new");
    Phase phase = compare.parsed("phase", CompareConfig.DEFAULT_PHASE, "pre or post", Phase::parse);
    TableFilter tableFilter =
        new TableFilter(patterns(compare, "include"), patterns(compare, "exclude"));
    CompareThrottling throttling = readThrottling(compare);
    boolean showValues = compare.bool("show_values", false);
    ComparisonOptions defaults = ComparisonOptions.defaults();
    boolean dataOnReplicas = compare.bool("data_on_replicas", defaults.dataOnReplicas());
    Duration gtidWaitTimeout = compare.duration("gtid_wait_timeout", defaults.gtidWaitTimeout());
    List<String> expected = compare.stringList("expect_differences", List.of());
    Duration schedule =
        compare.parsed(
            "schedule",
            CompareConfig.DEFAULT_SCHEDULE,
            "a duration such as 30m or 6h, or 0s for on demand only",
            ConfigUnits::parseDuration);
    Optional<Path> reportDir = compare.string("report_dir").map(baseDir::resolve);
    return new CompareConfig(
        oldCluster,
        newCluster,
        phase,
        tableFilter,
        throttling,
        showValues,
        dataOnReplicas,
        gtidWaitTimeout,
        expected,
        schedule,
        reportDir);
  }

  private static CompareThrottling readThrottling(ConfigMapping compare) {
    CompareThrottling defaults = CompareThrottling.DEFAULTS;
    List<LoadLimit> maxLoad =
        compare.parsed(
            "max_load",
            defaults.maxLoad(),
            "VARIABLE=MAX, several joined by commas (e.g. Threads_running=25), or '' for no limit",
            CollectorConfigLoader::loadLimits);
    int min = compare.integer("chunk_size_min", defaults.chunkSizeMin(), 1, Integer.MAX_VALUE);
    int max = compare.integer("chunk_size_max", defaults.chunkSizeMax(), 1, Integer.MAX_VALUE);
    if (max < min) {
      throw compare.problem("chunk_size_max", "must be at least chunk_size_min (" + min + ")");
    }
    return new CompareThrottling(
        compare.duration("max_lag", defaults.maxLag()),
        maxLoad,
        compare.duration("chunk_time", defaults.chunkTime()),
        min,
        max,
        compare.integer(
            "chunk_parallelism",
            defaults.chunkParallelism(),
            1,
            ComparisonOptions.MAX_CHUNK_PARALLELISM));
  }

  private static Optional<List<LoadLimit>> loadLimits(String text) {
    if (text.isBlank()) {
      return Optional.of(List.of());
    }
    try {
      return Optional.of(LoadLimit.parseList(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ClusterConfig readCluster(ConfigMapping compare, String side) {
    if (!compare.has(side)) {
      throw compare.problem(side, "is required: the " + side + " cluster's primary and replicas");
    }
    ConfigMapping cluster = compare.mapping(side);
    MySqlDsn primary = dsn(cluster, "primary", cluster.requiredString("primary"));
    List<MySqlDsn> replicas = new ArrayList<>();
    for (String replica : cluster.stringList("replicas", List.of())) {
      replicas.add(dsn(cluster, "replicas", replica));
    }
    return new ClusterConfig(primary, replicas, cluster.secret("password").orElse(null));
  }

  private static MySqlDsn dsn(ConfigMapping cluster, String key, String text) {
    MySqlDsn dsn;
    try {
      dsn = MySqlDsn.parse(text);
    } catch (IllegalArgumentException e) {
      throw cluster.problem(key, e.getMessage());
    }
    if (dsn.user().isEmpty()) {
      throw cluster.problem(key, "DSN '" + dsn + "' names no user (mysql://user@host:port)");
    }
    return dsn;
  }

  private static List<String> patterns(ConfigMapping compare, String key) {
    List<String> patterns = compare.stringList(key, List.of());
    try {
      new TableFilter(patterns, List.of());
    } catch (IllegalArgumentException e) {
      throw compare.problem(key, e.getMessage());
    }
    return patterns;
  }
}
