package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.auth.SighupReload;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

/**
 * Per-token rate limits, tokens reloaded from {@code auth.tokens_file} (on change and on SIGHUP),
 * the unauthenticated liveness path and the JVM metrics, through a real collector into InfluxDB
 * 1.6.7 with the JDK's HttpClient (one client per test, so requests share kept-alive connections).
 */
@ExtendWith(VertxExtension.class)
class SecurityEndpointsTest {

  @TempDir static Path influxState;
  private static LocalInfluxDb influx;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private CollectorVerticle collector;
  private String database;

  @BeforeAll
  static void startInflux() throws Exception {
    influx = LocalInfluxDb.start(influxState);
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @Test
  void aTokenOverItsPointRateIsAnswered429NamingItsNameAndCounted(Vertx vertx, TestInfo test)
      throws Exception {
    deploy(
        vertx,
        test,
        """
        auth:
          rate_limit: {points_per_second: 10, burst: 1s}
          tokens:
            - {name: limited, token: limited-secret}
            - {name: generous, token: generous-secret, rate_limit: {points_per_second: off}}
        """);
    String body = lines(150);

    HttpResponse<String> first = post("/api/v2/write", "limited-secret", body);
    HttpResponse<String> second = post("/api/v2/write", "limited-secret", "m v=1");
    HttpResponse<String> other = post("/write", "generous-secret", body);

    assertThat(first.statusCode()).as("a body larger than the burst passes once").isEqualTo(204);
    assertThat(second.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).as("140 points owed at 10/s").isBetween(1L, 14L);
    assertThat(new JsonObject(second.body()).getString("message"))
        .contains("token \"limited\"", "10 points/s", "auth.rate_limit", "nothing was written")
        .doesNotContain("limited-secret");
    assertThat(other.statusCode()).isEqualTo(204);
    assertThat(influx.queryRows(database, "SELECT count(v) FROM m"))
        .extracting(row -> row.get("count"))
        .containsExactly(300L);
    assertThat(metrics("generous-secret"))
        .contains("ferry_collector_rate_limited_total{limit=\"points\",token=\"limited\"} 1.0");
  }

  @Test
  void aTokenOverItsRequestRateIsAnswered429(Vertx vertx, TestInfo test) throws Exception {
    deploy(
        vertx,
        test,
        """
        auth:
          tokens:
            - {name: chatty, token: chatty-secret, rate_limit: {requests_per_second: 0.1, burst: 10s}}
        """);

    assertThat(post("/write", "chatty-secret", "m v=1").statusCode()).isEqualTo(204);
    HttpResponse<String> second = post("/write", "chatty-secret", "m v=2");

    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.body()).contains("token \\\"chatty\\\"", "0.1 requests/s", "its rate_limit");
    assertThat(metrics("chatty-secret"))
        .as("/metrics is not rate-limited")
        .contains("ferry_collector_rate_limited_total{limit=\"requests\",token=\"chatty\"} 1.0");
  }

  @Test
  void aTokenRemovedFromTheTokensFileIsRefusedOnTheNextRequestAndABrokenFileKeepsTheOldTokens(
      Vertx vertx, TestInfo test) throws Exception {
    Path tokens = dir.resolve("tokens.yml");
    Files.writeString(tokens, "tokens:\n  - {name: old-fleet, token: old-secret}\n");
    deploy(
        vertx,
        test,
        """
        auth:
          tokens_file: tokens.yml
          reload_interval: 100ms
          tokens: [{name: admin, token: admin-secret}]
        """);
    assertThat(post("/write", "old-secret", "m v=1").statusCode()).isEqualTo(204);

    try (var stderr = new CapturedStderr()) {
      Files.writeString(tokens, "tokens:\n  - {name: new-fleet, token: new-secret}\n");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> post("/write", "old-secret", "m v=2").statusCode() == 401);
      assertThat(post("/write", "new-secret", "m v=3").statusCode()).isEqualTo(204);
      assertThat(stderr.lines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .contains("Tokens reloaded from", "added new-fleet", "removed old-fleet"))
          .noneSatisfy(line -> assertThat(line).contains("new-secret"));

      Files.writeString(tokens, "tokens:\n  - {name: broken, tokn: x}\n");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> stderr.lines().stream().anyMatch(l -> l.contains("Tokens not reloaded")));
      assertThat(stderr.lines().stream().filter(l -> l.contains("Tokens not reloaded")))
          .singleElement()
          .asString()
          .contains(tokens.toString(), "line 2", "[admin, new-fleet]");
      assertThat(post("/write", "new-secret", "m v=4").statusCode()).isEqualTo(204);
      assertThat(metrics("admin-secret"))
          .contains(
              "ferry_collector_token_reloads_total{result=\"ok\"} 1.0",
              "ferry_collector_token_reloads_total{result=\"failed\"} 1.0");
    }
  }

  @Test
  void sighupReloadsTheTokensFile(Vertx vertx, TestInfo test) throws Exception {
    Path tokens = dir.resolve("tokens.yml");
    Files.writeString(tokens, "tokens:\n  - {name: a, token: a-secret}\n");
    deploy(
        vertx,
        test,
        """
        auth:
          tokens_file: tokens.yml
          reload_interval: 1h
        """);
    boolean ignoredHere = sighupIgnoredByThisProcess();
    assertThat(SighupReload.install(() -> collector.reloadTokens("SIGHUP")))
        .as("installed unless this process was started with SIGHUP ignored (nohup)")
        .isEqualTo(!ignoredHere);
    if (ignoredHere) {
      return; // what this process can show: the handler is not claimed to be installed
    }
    Files.writeString(tokens, "tokens:\n  - {name: b, token: b-secret}\n");
    assertThat(post("/write", "b-secret", "m v=1").statusCode())
        .as("not before the signal: the file is checked only every hour here")
        .isEqualTo(401);

    Signal.raise(new Signal("HUP"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> post("/write", "b-secret", "m v=1").statusCode() == 204);
    assertThat(post("/write", "a-secret", "m v=2").statusCode()).isEqualTo(401);
  }

  /** Whether SIGHUP is in this process's ignored signals ({@code SigIgn} bit 0 in /proc). */
  private static boolean sighupIgnoredByThisProcess() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("SigIgn:"))
        .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
        .anyMatch(mask -> (mask & 1L) != 0);
  }

  @Test
  void theLivenessPathAnswersWithoutATokenAndRevealsNothing(Vertx vertx, TestInfo test)
      throws Exception {
    deploy(vertx, test, "auth:\n  tokens: [{name: fleet, token: fleet-secret}]\n");

    HttpResponse<String> live = get("/health/live", null);
    HttpResponse<String> health = get("/health", null);

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).isEqualTo("ok\n");
    assertThat(live.headers().map().keySet())
        .doesNotContain("x-influxdb-version", "x-influxdb-build");
    assertThat(health.statusCode()).isEqualTo(401);
    assertThat(get("/health/live?verbose=1", null).body()).isEqualTo("ok\n");
  }

  @Test
  void metricsCarryJvmAndProcessMeters(Vertx vertx, TestInfo test) throws Exception {
    deploy(vertx, test, "auth:\n  tokens: [{name: fleet, token: fleet-secret}]\n");

    String metrics = metrics("fleet-secret");

    assertThat(metrics)
        .contains(
            "jvm_memory_used_bytes{area=\"heap\"",
            "jvm_gc_",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "system_cpu_count",
            "process_uptime_seconds",
            "process_files_open_files",
            "process_files_max_files");
  }

  @Test
  void aClientAskingForCleartextHttp2IsAnsweredInHttp11(Vertx vertx, TestInfo test)
      throws Exception {
    deploy(vertx, test, "auth:\n  tokens: [{name: fleet, token: fleet-secret}]\n");

    // The JDK's client asks for an upgrade to h2c by default (Upgrade: h2c); InfluxDB ignores it,
    // and so does the collector (an upgraded request to /metrics once went unanswered).
    HttpResponse<String> response = get("/metrics", "fleet-secret");

    assertThat(http.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(response.body()).contains("ferry_collector_");
  }

  private void deploy(Vertx vertx, TestInfo test, String auth) throws Exception {
    database = "db_" + test.getTestMethod().orElseThrow().getName();
    influx.createDatabase(database);
    String yaml =
        """
        listen: {port: 0}
        %s
        influxdb:
          url: %s
          database: %s
          flush_interval: 10ms
        """
            .formatted(auth, influx.url(), database);
    CollectorConfig config =
        new CollectorConfigLoader(Map.<String, String>of()::get).parse(yaml, "collector.yml", dir);
    collector = new CollectorVerticle(config);
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
  }

  private static String lines(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "m,n=" + i + " v=" + i)
        .collect(Collectors.joining("\n"));
  }

  private String metrics(String token) throws Exception {
    HttpResponse<String> response = get("/metrics", token);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return http.send(
        request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String token) {
    var builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.actualPort() + path))
            .timeout(Duration.ofSeconds(20));
    if (token != null) {
      builder.header("Authorization", "Token " + token);
    }
    return builder;
  }
}
