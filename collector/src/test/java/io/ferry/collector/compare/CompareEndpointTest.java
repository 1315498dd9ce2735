package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.AuthConfig;
import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.ClusterConfig;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CompareConfig;
import io.ferry.collector.config.CompareThrottling;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.InfluxCredentials;
import io.ferry.collector.config.InfluxDestination;
import io.ferry.collector.config.IngestConfig;
import io.ferry.collector.config.ListenConfig;
import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.Phase;
import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison API of a running collector, against the real four-server MariaDB stack and its
 * InfluxDB; every comparison covers only this test's database.
 */
@ExtendWith(VertxExtension.class)
class CompareEndpointTest {

  private static final String DATABASE = "ferry_compare_api";
  private static final String ODD_TABLE = "a<b>&c";
  private static final String TOKEN = "compare-test-token";
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  private static MigrationStack stack;

  @TempDir Path reports;

  @BeforeAll
  static void createData() {
    stack = SharedStack.get();
    stack.recreateDatabase(
        DATABASE,
        Duration.ofSeconds(30),
        "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100))",
        "INSERT INTO posts SELECT seq, CONCAT('post ', seq) FROM seq_1_to_500",
        "CREATE TABLE `" + ODD_TABLE + "` (id INT PRIMARY KEY)",
        "INSERT INTO `" + ODD_TABLE + "` VALUES (1), (2)");
  }

  @AfterAll
  static void dropData() {
    stack.dropDatabase(DATABASE, Duration.ofSeconds(30));
  }

  @Test
  void aRequestedRunIsGoAndServedAsJsonHtmlHealthAndMetrics(Vertx vertx) throws Exception {
    WebClient client = deploy(vertx, compare(Duration.ZERO, null), ComparisonRunner.standard());

    HttpResponse<Buffer> started = send(client, "POST", "/api/v1/compare");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(started.bodyAsJsonObject().getString("status")).isEqualTo("started");
    assertThat(started.bodyAsJsonObject().getString("started_at")).isNotBlank();
    JsonObject latest = awaitLatest(client);

    JsonObject report = latest.getJsonObject("report");
    assertThat(latest.getBoolean("running")).isFalse();
    assertThat(report.getString("verdict")).as("report: %s", report).isEqualTo("GO");
    assertThat(report.getInteger("exitCode")).isZero();
    assertThat(report.getJsonArray("tables").stream().map(t -> ((JsonObject) t).getString("table")))
        .containsExactlyInAnyOrder("posts", ODD_TABLE);

    HttpResponse<Buffer> html = send(client, "GET", "/compare/latest.html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(html.bodyAsString())
        .contains("<h1 class=\"go\">GO</h1>", "a&lt;b&gt;&amp;c")
        .doesNotContain(ODD_TABLE);

    JsonObject health = send(client, "GET", "/health").bodyAsJsonObject().getJsonObject("compare");
    assertThat(health.getString("verdict")).isEqualTo("GO");
    assertThat(health.getInteger("exit_code")).isZero();
    assertThat(health.getString("finished_at")).isEqualTo(report.getString("finishedAt"));
    assertThat(health.getBoolean("running")).isFalse();

    String metrics = send(client, "GET", "/metrics").bodyAsString();
    assertThat(metrics)
        .contains(
            "ferry_compare_runs_total{verdict=\"GO\"} 1.0",
            "ferry_compare_last_exit_code 0.0",
            "ferry_compare_running 0.0",
            "ferry_compare_last_finished_seconds ");
    assertThat(latest.encode() + html.bodyAsString()).doesNotContain(MigrationStack.ADMIN_PASSWORD);

    // The verdict also reaches InfluxDB, for dashboards; the collector creates the database.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptionsInstanceOf(IllegalStateException.class)
        .untilAsserted(
            () ->
                assertThat(
                        stack
                            .influx()
                            .queryRows(
                                "ferry_compare_api",
                                "SELECT verdict, go, exit_code, tables FROM ferry_compare"
                                    + " WHERE phase = 'pre'"))
                    .anySatisfy(
                        row -> {
                          assertThat(row).containsEntry("verdict", "GO");
                          assertThat(row).containsEntry("go", true);
                          assertThat(row).containsEntry("exit_code", 0L);
                          assertThat(row).containsEntry("tables", 2L);
                        }));
  }

  @Test
  void beforeTheFirstRunNothingIsServedAndNothingIsInvented(Vertx vertx) throws Exception {
    WebClient client = deploy(vertx, compare(Duration.ZERO, null), ComparisonRunner.standard());

    HttpResponse<Buffer> latest = send(client, "GET", "/api/v1/compare/latest");
    assertThat(latest.statusCode()).isEqualTo(404);
    assertThat(latest.bodyAsJsonObject().getString("error")).isEqualTo("no comparison has run yet");
    assertThat(latest.bodyAsJsonObject().getBoolean("running")).isFalse();
    assertThat(send(client, "GET", "/compare/latest.html").statusCode()).isEqualTo(404);
    JsonObject health = send(client, "GET", "/health").bodyAsJsonObject().getJsonObject("compare");
    assertThat(health.getValue("verdict")).isNull();
    assertThat(health.getValue("exit_code")).isNull();
    assertThat(send(client, "GET", "/metrics").bodyAsString())
        .contains("ferry_compare_last_exit_code NaN");
  }

  @Test
  void aSecondRequestWhileOneRunsIsRefusedWithTheRunningOnesStart(Vertx vertx) throws Exception {
    HeldRunner runner = new HeldRunner();
    WebClient client = deploy(vertx, compare(Duration.ZERO, null), runner);
    try {
      String startedAt =
          send(client, "POST", "/api/v1/compare").bodyAsJsonObject().getString("started_at");
      assertThat(runner.entered.await(30, TimeUnit.SECONDS)).isTrue();

      HttpResponse<Buffer> second = send(client, "POST", "/api/v1/compare");
      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.bodyAsJsonObject().getString("started_at")).isEqualTo(startedAt);
      assertThat(second.bodyAsJsonObject().getString("error")).contains("already running");
      JsonObject latest = send(client, "GET", "/api/v1/compare/latest").bodyAsJsonObject();
      assertThat(latest.getBoolean("running")).isTrue();
      assertThat(latest.getString("running_since")).isEqualTo(startedAt);
      assertThat(
              send(client, "GET", "/health")
                  .bodyAsJsonObject()
                  .getJsonObject("compare")
                  .getBoolean("running"))
          .isTrue();
    } finally {
      runner.release.countDown();
    }
    assertThat(awaitLatest(client).getJsonObject("report").getString("verdict")).isEqualTo("GO");
    assertThat(runner.calls.get()).isEqualTo(1);
    assertThat(send(client, "POST", "/api/v1/compare").statusCode()).isEqualTo(202);
  }

  @Test
  void theScheduleRunsByItselfAndSkipsTicksWhileARunIsGoing(Vertx vertx) throws Exception {
    HeldRunner runner = new HeldRunner();
    WebClient client = deploy(vertx, compare(Duration.ofMillis(200), null), runner);
    try {
      assertThat(runner.entered.await(30, TimeUnit.SECONDS)).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> skippedTicks(send(client, "GET", "/metrics").bodyAsString()) >= 2);
    } finally {
      runner.release.countDown();
    }

    JsonObject latest = awaitLatest(client);
    assertThat(latest.getJsonObject("report").getString("verdict")).isEqualTo("GO");
  }

  @Test
  void afterARestartTheLatestVerdictIsReadBackFromTheReportFolder(Vertx vertx) throws Exception {
    CollectorConfig config = compare(Duration.ZERO, reports);
    WebClient first = deploy(vertx, config, ComparisonRunner.standard());
    send(first, "POST", "/api/v1/compare");
    String finishedAt = awaitLatest(first).getJsonObject("report").getString("finishedAt");
    assertThat(reports.resolve("compare-pre.json")).exists();
    assertThat(reports.resolve("compare-pre.html")).exists();
    for (String deployment : List.copyOf(vertx.deploymentIDs())) {
      vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);
    }

    WebClient restarted = deploy(vertx, config, new RefusingRunner());

    HttpResponse<Buffer> latest = send(restarted, "GET", "/api/v1/compare/latest");
    assertThat(latest.statusCode()).isEqualTo(200);
    JsonObject report = latest.bodyAsJsonObject().getJsonObject("report");
    assertThat(report.getString("verdict")).isEqualTo("GO");
    assertThat(report.getString("finishedAt")).isEqualTo(finishedAt);
    assertThat(send(restarted, "GET", "/compare/latest.html").bodyAsString())
        .isEqualTo(Files.readString(reports.resolve("compare-pre.html")));
    JsonObject health =
        send(restarted, "GET", "/health").bodyAsJsonObject().getJsonObject("compare");
    assertThat(health.getString("verdict")).isEqualTo("GO");
    assertThat(health.getString("finished_at")).isEqualTo(finishedAt);
  }

  @Test
  void aRunThatEndsWithoutAReportIsShownAndCounted(Vertx vertx) throws Exception {
    WebClient client = deploy(vertx, compare(Duration.ZERO, null), new RefusingRunner());

    send(client, "POST", "/api/v1/compare");

    await()
        .atMost(RUN_TIMEOUT)
        .until(
            () ->
                !send(client, "GET", "/api/v1/compare/latest")
                    .bodyAsJsonObject()
                    .getValue("last_error", "")
                    .toString()
                    .isEmpty());
    JsonObject latest = send(client, "GET", "/api/v1/compare/latest").bodyAsJsonObject();
    assertThat(latest.getJsonObject("last_error").getString("message"))
        .isEqualTo("IllegalStateException: this test allows no comparison");
    assertThat(latest.getBoolean("running")).isFalse();
    assertThat(send(client, "GET", "/metrics").bodyAsString())
        .contains("ferry_compare_runs_total{verdict=\"ERROR\"} 1.0");
  }

  @Test
  void withoutACompareSectionTheEndpointsAnswer404(Vertx vertx) throws Exception {
    WebClient client = deploy(vertx, collector(Optional.empty()), new RefusingRunner());

    for (String[] endpoint :
        List.of(
            new String[] {"POST", "/api/v1/compare"},
            new String[] {"GET", "/api/v1/compare/latest"},
            new String[] {"GET", "/compare/latest.html"})) {
      HttpResponse<Buffer> response = send(client, endpoint[0], endpoint[1]);
      assertThat(response.statusCode()).as(endpoint[1]).isEqualTo(404);
      assertThat(response.bodyAsJsonObject().getString("error"))
          .startsWith("no comparison is configured: add a compare: section");
    }
    assertThat(send(client, "GET", "/health").bodyAsJsonObject().containsKey("compare")).isFalse();
  }

  @Test
  void withoutAValidTokenNothingRuns(Vertx vertx) throws Exception {
    RefusingRunner runner = new RefusingRunner();
    WebClient client = deploy(vertx, compare(Duration.ZERO, null), runner);

    HttpResponse<Buffer> anonymous =
        client.post("/api/v1/compare").send().await(10, TimeUnit.SECONDS);
    HttpResponse<Buffer> wrongToken =
        client
            .get("/api/v1/compare/latest")
            .putHeader("Authorization", "Token not-the-token")
            .send()
            .await(10, TimeUnit.SECONDS);
    HttpResponse<Buffer> html =
        client.get("/compare/latest.html").send().await(10, TimeUnit.SECONDS);

    assertThat(List.of(anonymous, wrongToken, html))
        .extracting(HttpResponse::statusCode)
        .containsOnly(401);
    assertThat(anonymous.bodyAsJsonObject().getString("error")).contains("missing");
    assertThat(runner.calls.get()).isZero();
  }

  private static double skippedTicks(String metrics) {
    Matcher m = Pattern.compile("(?m)^ferry_compare_skipped_ticks_total (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static JsonObject awaitLatest(WebClient client) throws Exception {
    return await()
        .atMost(RUN_TIMEOUT)
        .until(() -> send(client, "GET", "/api/v1/compare/latest"), r -> r.statusCode() == 200)
        .bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> send(WebClient client, String method, String path)
      throws Exception {
    var request = "POST".equals(method) ? client.post(path) : client.get(path);
    return request.putHeader("Authorization", "Token " + TOKEN).send().await(10, TimeUnit.SECONDS);
  }

  private static WebClient deploy(Vertx vertx, CollectorConfig config, ComparisonRunner runner)
      throws Exception {
    var collector = new CollectorVerticle(config, Clock.systemUTC(), runner);
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    return WebClient.create(
        vertx,
        new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(collector.actualPort()));
  }

  private static CollectorConfig compare(Duration schedule, Path reportDir) {
    return collector(
        Optional.of(
            new CompareConfig(
                cluster(stack.oldPrimary(), stack.oldReplica()),
                cluster(stack.newPrimary(), stack.newReplica()),
                Phase.PRE,
                new TableFilter(List.of(DATABASE), List.of()),
                CompareThrottling.DEFAULTS,
                false,
                false,
                ComparisonOptions.defaults().gtidWaitTimeout(),
                List.of(),
                schedule,
                Optional.ofNullable(reportDir))));
  }

  private static ClusterConfig cluster(LocalMariaDb primary, LocalMariaDb replica) {
    return new ClusterConfig(
        MySqlDsn.parse(MigrationStack.ADMIN_USER + "@127.0.0.1:" + primary.port()),
        List.of(MySqlDsn.parse(MigrationStack.ADMIN_USER + "@127.0.0.1:" + replica.port())),
        MigrationStack.ADMIN_PASSWORD);
  }

  private static CollectorConfig collector(Optional<CompareConfig> compare) {
    return new CollectorConfig(
        new ListenConfig("127.0.0.1", 0),
        new AuthConfig(List.of(new ApiToken("test", TOKEN))),
        new IngestConfig(1024 * 1024),
        new InfluxConfig(
            URI.create(stack.influx().url()),
            InfluxApi.V1,
            Duration.ofSeconds(5),
            new InfluxDestination("ferry_compare_api", null, null, null, true),
            InfluxCredentials.none(),
            BatchingConfig.defaults()),
        compare);
  }

  /** Runs the real comparison once the test releases it. */
  private static final class HeldRunner implements ComparisonRunner {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public ComparisonReport run(ClusterTopology topology, ComparisonOptions options)
        throws InterruptedException {
      calls.incrementAndGet();
      entered.countDown();
      if (!release.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the comparison");
      }
      return ComparisonRunner.standard().run(topology, options);
    }
  }

  /** Fails every run, counting them. */
  private static final class RefusingRunner implements ComparisonRunner {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public ComparisonReport run(ClusterTopology topology, ComparisonOptions options) {
      calls.incrementAndGet();
      throw new IllegalStateException("this test allows no comparison");
    }
  }
}
