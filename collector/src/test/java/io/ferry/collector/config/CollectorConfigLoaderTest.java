package io.ferry.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.yamlconfig.ConfigException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigLoaderTest {

  private static final String MINIMAL = "auth:\n  tokens:\n    - {name: fleet, token: s3cret}\n";

  private final CollectorConfigLoader loader =
      new CollectorConfigLoader(
          Map.of("FERRY_TOKEN", "from-env", "INFLUX_HOST", "influx.lan")::get);

  @TempDir Path dir;

  private CollectorConfig parse(String yaml) {
    return loader.parse(yaml, "collector.yml", dir);
  }

  @Test
  void theShippedSampleParsesAndShowsTheCodeDefaults() throws Exception {
    CollectorConfig sample = loader.load(Path.of("src/dist/collector.yml"));

    assertThat(sample.listen()).isEqualTo(ListenConfig.defaults());
    assertThat(sample.ingest()).isEqualTo(IngestConfig.defaults());
    assertThat(sample.influxdb())
        .usingRecursiveComparison()
        .ignoringFields("batching.deadLetters.dir")
        .isEqualTo(InfluxConfig.defaults());
    assertThat(sample.influxdb().batching().deadLetterDir())
        .isEqualTo(
            Path.of("src/dist").toAbsolutePath().resolve(BatchingConfig.DEFAULT_DEAD_LETTER_DIR));
    assertThat(sample.pages()).isEqualTo(PagesConfig.DEFAULTS);
    assertThat(sample.auth().tokens()).containsExactly(new ApiToken("fleet", "from-env"));
    assertThat(sample.auth()).isEqualTo(new AuthConfig(List.of(new ApiToken("fleet", "from-env"))));
  }

  @Test
  void aMinimalFileGetsTheDefaults() throws Exception {
    CollectorConfig config = parse(MINIMAL);

    assertThat(config.listen()).isEqualTo(new ListenConfig("127.0.0.1", 8186));
    assertThat(config.ingest().maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
    assertThat(config.influxdb().url()).isEqualTo(URI.create("http://127.0.0.1:8086"));
    assertThat(config.influxdb().api()).isEqualTo(InfluxApi.AUTO);
    assertThat(config.influxdb().batching())
        .isEqualTo(new BatchingConfig(5000, Duration.ZERO, 200_000, 4, dir.resolve("dead-letter")));
    assertThat(config.influxdb().timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.influxdb().destination().v2Bucket()).isEqualTo("ferry");
    assertThat(config.influxdb().destination().v2Org()).isEqualTo("-");
  }

  @Test
  void everyOptionIsRead() throws Exception {
    CollectorConfig config =
        parse(
            MINIMAL
                + "listen: {host: 0.0.0.0, port: 0}\n"
                + "ingest: {max_body_bytes: 512KiB}\n"
                + "influxdb:\n"
                + "  url: https://${INFLUX_HOST}:8087\n"
                + "  api: v2\n"
                + "  database: metrics\n"
                + "  retention_policy: autogen\n"
                + "  org: ops\n"
                + "  username: ferry\n"
                + "  password: pw\n"
                + "  create_database: false\n"
                + "  batch_max_points: 10\n"
                + "  flush_interval: 2s\n"
                + "  max_pending_points: 20\n"
                + "  max_concurrent_writes: 2\n"
                + "  dead_letter_dir: refused\n"
                + "  timeout: 1m\n");

    assertThat(config.listen()).isEqualTo(new ListenConfig("0.0.0.0", 0));
    assertThat(config.ingest().maxBodyBytes()).isEqualTo(512 * 1024);
    InfluxConfig influx = config.influxdb();
    assertThat(influx.url()).isEqualTo(URI.create("https://influx.lan:8087"));
    assertThat(influx.api()).isEqualTo(InfluxApi.V2);
    assertThat(influx.destination())
        .isEqualTo(new InfluxDestination("metrics", "autogen", null, "ops", false));
    assertThat(influx.destination().v2Bucket()).isEqualTo("metrics/autogen");
    assertThat(influx.credentials().v2Token()).contains("ferry:pw");
    assertThat(influx.batching())
        .isEqualTo(new BatchingConfig(10, Duration.ofSeconds(2), 20, 2, dir.resolve("refused")));
    assertThat(influx.timeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aFlushIntervalOfZeroMeansNoBatchFormingDelay() {
    assertThat(parse(MINIMAL + "influxdb: {flush_interval: 0}\n").influxdb().batching())
        .extracting(BatchingConfig::flushInterval)
        .isEqualTo(Duration.ZERO);
    assertThat(parse(MINIMAL + "influxdb: {flush_interval: 0ms}\n").influxdb().batching())
        .extracting(BatchingConfig::flushInterval)
        .isEqualTo(Duration.ZERO);
    assertThat(parse(MINIMAL + "influxdb: {flush_interval: 20ms}\n").influxdb().batching())
        .extracting(BatchingConfig::flushInterval)
        .isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void ingestLimitsAreReadAndTimeLimitsCanBeSwitchedOff() {
    CollectorConfig config =
        parse(
            MINIMAL
                + "ingest:\n"
                + "  max_line_length: 1000\n"
                + "  max_tags: 3\n"
                + "  max_fields: 4\n"
                + "  max_key_length: 20\n"
                + "  max_future: 5m\n"
                + "  max_age: off\n");

    assertThat(config.ingest())
        .isEqualTo(
            new IngestConfig(
                IngestConfig.DEFAULT_MAX_BODY_BYTES,
                1000,
                3,
                4,
                20,
                java.util.Optional.of(java.time.Duration.ofMinutes(5)),
                java.util.Optional.empty()));
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_age: 30d}\n"))
        .hasMessage(
            "collector.yml line 4: ingest.max_age: expected a positive duration such as 30m or"
                + " 720h, or off, got \"30d\"");
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_fields: 0}\n"))
        .hasMessageStartingWith("collector.yml line 4: ingest.max_fields: expected a whole number");
  }

  @Test
  void maxExpectedWaitIsADurationOrOff() {
    assertThat(parse(MINIMAL).ingest().maxExpectedWait())
        .contains(IngestConfig.DEFAULT_MAX_EXPECTED_WAIT);
    assertThat(parse(MINIMAL + "ingest: {max_expected_wait: 3s}\n").ingest().maxExpectedWait())
        .contains(Duration.ofSeconds(3));
    assertThat(parse(MINIMAL + "ingest: {max_expected_wait: off}\n").ingest().maxExpectedWait())
        .isEmpty();
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_expected_wait: soon}\n"))
        .hasMessageStartingWith(
            "collector.yml line 4: ingest.max_expected_wait: expected a positive duration");
  }

  @Test
  void environmentVariablesAreInterpolatedWithFallbacks() throws Exception {
    CollectorConfig config =
        parse(
            "auth:\n  tokens:\n    - {name: fleet, token: \"${FERRY_TOKEN}\"}\n"
                + "influxdb:\n  database: ${FERRY_DB:-ferry_default}\n");

    assertThat(config.auth().tokens().get(0).token()).isEqualTo("from-env");
    assertThat(config.influxdb().destination().database()).isEqualTo("ferry_default");
  }

  @Test
  void secretsCanBeReadFromFilesRelativeToTheConfig() throws Exception {
    Files.writeString(dir.resolve("agent.token"), "tok-from-file\n");
    Files.writeString(dir.resolve("influx.password"), "pw-from-file\n");

    CollectorConfig config =
        parse(
            "auth:\n  tokens:\n    - {name: telegraf, token_file: agent.token}\n"
                + "influxdb: {username: ferry, password_file: influx.password}\n");

    assertThat(config.auth().tokens()).containsExactly(new ApiToken("telegraf", "tok-from-file"));
    assertThat(config.influxdb().credentials().password()).isEqualTo("pw-from-file");
  }

  @Test
  void thePagesSessionTimeoutAndLoginLimitDefaultAndCanBeSet() {
    assertThat(parse(MINIMAL).pages()).isEqualTo(PagesConfig.DEFAULTS);
    assertThat(PagesConfig.DEFAULTS.sessionIdleTimeout()).isEqualTo(Duration.ofHours(12));
    assertThat(PagesConfig.DEFAULTS.failedLoginsPerMinute()).isEqualTo(10);

    PagesConfig pages =
        parse(MINIMAL + "pages: {session_idle_timeout: 30m, failed_logins_per_minute: 3}\n")
            .pages();
    assertThat(pages).isEqualTo(new PagesConfig(Duration.ofMinutes(30), 3));

    assertThatThrownBy(() -> parse(MINIMAL + "pages: {failed_logins_per_minute: 0}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pages.failed_logins_per_minute");
    assertThatThrownBy(() -> parse(MINIMAL + "pages: {session_timeout: 1h}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pages.session_timeout: unknown key");
  }

  @Test
  void deadLetterBoundsAreReadAndValidated() {
    DeadLetterConfig read =
        parse(
                MINIMAL
                    + "influxdb:\n"
                    + "  dead_letter_dir: refused\n"
                    + "  dead_letter_file_bytes: 1MiB\n"
                    + "  dead_letter_max_bytes: 10MiB\n")
            .influxdb()
            .batching()
            .deadLetters();

    assertThat(read).isEqualTo(new DeadLetterConfig(dir.resolve("refused"), 1 << 20, 10 << 20));
    assertThat(parse(MINIMAL).influxdb().batching().deadLetters())
        .isEqualTo(
            new DeadLetterConfig(
                dir.resolve("dead-letter"),
                DeadLetterConfig.DEFAULT_FILE_BYTES,
                DeadLetterConfig.DEFAULT_MAX_BYTES));
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb: {dead_letter_file_bytes: 1KiB}\n"))
        .hasMessage(
            "collector.yml line 4: influxdb.dead_letter_file_bytes: must be at least 64KiB");
    assertThatThrownBy(
            () ->
                parse(
                    MINIMAL
                        + "influxdb: {dead_letter_file_bytes: 32MiB, dead_letter_max_bytes:"
                        + " 16MiB}\n"))
        .hasMessage(
            "collector.yml line 4: influxdb.dead_letter_max_bytes: must be at least"
                + " dead_letter_file_bytes (32MiB)");
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb: {dead_letter_max_bytes: lots}\n"))
        .hasMessageStartingWith(
            "collector.yml line 4: influxdb.dead_letter_max_bytes: expected a positive size");
  }

  @Test
  void theBoundOnBodiesInFlightFollowsTheBodyLimitUnlessSet() {
    assertThat(parse(MINIMAL).ingest().maxBodyBytesInFlight()).isEqualTo(40L << 20);
    assertThat(parse(MINIMAL + "ingest: {max_body_bytes: 1MiB}\n").ingest().maxBodyBytesInFlight())
        .isEqualTo(4L << 20);
    assertThat(
            parse(MINIMAL + "ingest: {max_body_bytes: 1MiB, max_body_bytes_in_flight: auto}\n")
                .ingest()
                .maxBodyBytesInFlight())
        .isEqualTo(4L << 20);
    assertThat(
            parse(MINIMAL + "ingest: {max_body_bytes_in_flight: 100MiB}\n")
                .ingest()
                .maxBodyBytesInFlight())
        .isEqualTo(100L << 20);
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_body_bytes_in_flight: 1MiB}\n"))
        .hasMessage(
            "collector.yml line 4: ingest.max_body_bytes_in_flight: must be at least"
                + " max_body_bytes (10MiB), or one body of that size could never be received");
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_body_bytes_in_flight: many}\n"))
        .hasMessage(
            "collector.yml line 4: ingest.max_body_bytes_in_flight: expected a positive size such"
                + " as 64MiB, or auto (4 times max_body_bytes), got \"many\"");
  }

  @Test
  void anUnknownKeyIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb:\n  url: http://h:8086\n  batch_size: 10\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "collector.yml line 6: influxdb.batch_size: unknown key (known keys: url, api, timeout,"
                + " database, retention_policy, bucket, org, create_database, token, token_file,"
                + " username, password, password_file, batch_max_points, flush_interval,"
                + " max_pending_points, max_concurrent_writes, dead_letter_dir, dead_letter_file_bytes, dead_letter_max_bytes, tls)");
  }

  @Test
  void aBadValueNamesKeyLineAndWhatWasExpected() {
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb:\n  timeout: ten seconds\n"))
        .hasMessage(
            "collector.yml line 5: influxdb.timeout: expected a positive duration such as 100ms,"
                + " 10s, 5m or 1h, got \"ten seconds\"");
    assertThatThrownBy(() -> parse(MINIMAL + "listen: {port: 70000}\n"))
        .hasMessage(
            "collector.yml line 4: listen.port: expected a whole number from 0 to 65535, got"
                + " \"70000\"");
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb: {api: v3}\n"))
        .hasMessage("collector.yml line 4: influxdb.api: expected auto, v1 or v2, got \"v3\"");
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb: {url: \"ftp://x\"}\n"))
        .hasMessage(
            "collector.yml line 4: influxdb.url: expected an http:// or https:// URL with a host,"
                + " got \"ftp://x\"");
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_body_bytes: 10 parsecs}\n"))
        .hasMessage(
            "collector.yml line 4: ingest.max_body_bytes: expected a positive size such as 512KiB,"
                + " 10MiB or 1GiB, got \"10 parsecs\"");
    assertThatThrownBy(() -> parse(MINIMAL + "ingest: {max_body_bytes: 3GiB}\n"))
        .hasMessage("collector.yml line 4: ingest.max_body_bytes: must be below 2GiB");
  }

  @Test
  void tokensAreRequiredAndMustBeDistinct() {
    assertThatThrownBy(() -> parse("listen: {port: 1}\n"))
        .hasMessage("collector.yml: auth: is required: list at least one token under auth.tokens");
    assertThatThrownBy(() -> parse(""))
        .hasMessage("collector.yml: auth: is required: list at least one token under auth.tokens");
    assertThatThrownBy(() -> parse("auth:\n  tokens: []\n"))
        .hasMessage(
            "collector.yml line 2: auth.tokens: list at least one token (or name a tokens_file);"
                + " every request is authenticated");
    assertThatThrownBy(
            () -> parse("auth:\n  tokens:\n    - {name: a, token: x}\n    - {name: a, token: y}\n"))
        .hasMessage("collector.yml line 4: auth.tokens[1].name: another token is already named a");
    assertThatThrownBy(
            () -> parse("auth:\n  tokens:\n    - {name: a, token: x}\n    - {name: b, token: x}\n"))
        .hasMessage(
            "collector.yml line 4: auth.tokens[1].token: the same token is already given to"
                + " another name");
    assertThatThrownBy(() -> parse("auth:\n  tokens:\n    - {name: a}\n"))
        .hasMessage("collector.yml line 3: auth.tokens[0].token: is required (or token_file)");
    assertThatThrownBy(() -> parse("auth:\n  tokens:\n    - {name: a, token: x, token_file: f}\n"))
        .hasMessage(
            "collector.yml line 3: auth.tokens[0].token_file: set either token or token_file, not"
                + " both");
  }

  @Test
  void crossFieldRulesAreChecked() {
    assertThatThrownBy(
            () -> parse(MINIMAL + "influxdb: {batch_max_points: 100, max_pending_points: 50}\n"))
        .hasMessage(
            "collector.yml line 4: influxdb.max_pending_points: must be at least batch_max_points"
                + " (100)");
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb: {password: pw}\n"))
        .hasMessage("collector.yml line 4: influxdb.username: is required when a password is set");
  }

  @Test
  void secretsStayOutOfToString() throws Exception {
    CollectorConfig config = parse(MINIMAL + "influxdb: {token: influx-secret}\n");

    assertThat(config.toString()).doesNotContain("s3cret", "influx-secret").contains("fleet");
  }

  @Test
  void rateLimitsTokensFileAndTlsAreReadWithTheirDefaults() throws Exception {
    Files.writeString(dir.resolve("tokens.yml"), "tokens:\n  - {name: more, token: m0re}\n");
    Files.writeString(dir.resolve("cert.pem"), "x");
    Files.writeString(dir.resolve("key.pem"), "x");
    CollectorConfig config =
        parse(
            """
            listen:
              tls: {cert: cert.pem, key: key.pem}
            auth:
              rate_limit: {points_per_second: 5000}
              tokens_file: tokens.yml
              tokens:
                - {name: fleet, token: s3cret, rate_limit: {requests_per_second: 2.5, burst: 4s}}
            influxdb:
              url: https://influx:8086
              tls: {ca: cert.pem, verify: false}
            """);

    assertThat(config.auth().rateLimit())
        .isEqualTo(
            new RateLimit(
                OptionalDouble.of(5000), OptionalDouble.empty(), RateLimit.DEFAULT_BURST));
    assertThat(config.auth().tokens().get(0).rateLimit())
        .contains(
            new RateLimit(OptionalDouble.empty(), OptionalDouble.of(2.5), Duration.ofSeconds(4)));
    assertThat(config.auth().tokensFile()).contains(dir.resolve("tokens.yml"));
    assertThat(config.auth().reloadInterval()).isEqualTo(AuthConfig.DEFAULT_RELOAD_INTERVAL);
    assertThat(config.listen().tls())
        .contains(new ListenTls(dir.resolve("cert.pem"), dir.resolve("key.pem"), Optional.empty()));
    assertThat(config.influxdb().tls())
        .isEqualTo(
            new InfluxTls(
                Optional.of(dir.resolve("cert.pem")), Optional.empty(), Optional.empty(), false));
    assertThat(parse(MINIMAL).influxdb().tls()).isEqualTo(InfluxTls.DEFAULTS);
    assertThat(parse(MINIMAL).auth().rateLimit()).isEqualTo(RateLimit.NONE);
  }

  @Test
  void badRateLimitsTokensFilesAndTlsFilesAreNamed() throws Exception {
    assertThatThrownBy(() -> parse(MINIMAL + "  rate_limit: {points_per_second: -1}\n"))
        .hasMessage(
            "collector.yml line 4: auth.rate_limit.points_per_second: expected a positive number"
                + " or off, got \"-1\"");
    assertThatThrownBy(() -> parse(MINIMAL + "  rate_limit: {point_per_second: 1}\n"))
        .hasMessageContaining("auth.rate_limit.point_per_second")
        .hasMessageContaining("points_per_second");
    Files.writeString(dir.resolve("bad-tokens.yml"), "tokens:\n  - {name: fleet, token: other}\n");
    assertThatThrownBy(() -> parse(MINIMAL + "  tokens_file: bad-tokens.yml\n"))
        .hasMessageContaining(
            "bad-tokens.yml line 2: tokens[0].name: another token is already named fleet");
    assertThatThrownBy(() -> parse(MINIMAL + "listen:\n  tls: {cert: missing.pem, key: k.pem}\n"))
        .hasMessageContaining("collector.yml line 5: listen.tls.cert: cannot read ")
        .hasMessageContaining("missing.pem");
    Files.writeString(dir.resolve("cert.pem"), "x");
    assertThatThrownBy(() -> parse(MINIMAL + "influxdb:\n  tls: {cert: cert.pem}\n"))
        .hasMessageContaining("influxdb.tls.key: cert and key go together");
  }
}
