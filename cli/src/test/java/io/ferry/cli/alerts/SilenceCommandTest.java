package io.ferry.cli.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.BadCommandLineException;
import io.ferry.cli.FerryCommand;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.alerting.WebhookReceiver;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ferry alerts silence} and {@code ferry alerts window} against a real collector (with the
 * shipped replication rules, a real InfluxDB and a webhook receiver on loopback).
 */
class SilenceCommandTest {

  private static final String TOKEN = "silence-test-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_SECONDS = 15;

  @TempDir static Path dir;
  private static LocalInfluxDb influx;
  private static WebhookReceiver receiver;
  private static Vertx vertx;
  private static CollectorVerticle collector;
  private static Path tokenFile;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void start() throws Exception {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    receiver = WebhookReceiver.start();
    Path rules = Path.of("..", "alerts", "rules", "replication.yml").toAbsolutePath().normalize();
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: ops, token: %s}
        influxdb: {url: %s, database: silence_test, api: v1}
        alerts:
          rule_files: [%s]
          evaluation_interval: 100ms
          receivers:
            - name: oncall
              webhook: {url: "%s"}
          route:
            receiver: oncall
            group_by: [alertname]
            group_wait: 100ms
            group_interval: 500ms
            repeat_interval: 1h
        """
            .formatted(TOKEN, influx.url(), rules, receiver.url("/hook"));
    vertx = Vertx.vertx();
    collector =
        new CollectorVerticle(new CollectorConfigLoader().parse(yaml, "collector.yml", dir));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    receiver.close();
    influx.close();
  }

  @Test
  void aSilenceMutesWhatItMatchesUntilItIsExpired() throws Exception {
    int exit =
        ferry(
            "alerts",
            "silence",
            "add",
            "alertname=ReplicationError",
            "host=~\"db-.*\"",
            "--comment",
            "cutover rehearsal",
            "--author",
            "ann",
            "--duration",
            "2h");
    assertThat(exit).as(err.toString()).isZero();
    String id = out.toString().strip();
    assertThat(id).matches("[0-9a-f-]{36}");

    assertThat(ferry("alerts", "silence", "list")).isZero();
    List<String> table = lines(out);
    assertThat(table.get(0)).startsWith("ID").contains("MATCHERS", "UNTIL", "AUTHOR", "COMMENT");
    assertThat(table.get(1))
        .startsWith(id)
        .contains(
            "active", "alertname=\"ReplicationError\" host=~\"db-.*\"", "ann", "cutover rehearsal");

    // Both replicas fail in one batch: they join one group, flushed once; the silenced one is
    // left out of the page the other one gets.
    write(
        "mysql_replication,host=db-2,channel=default state=\"error\",last_sql_errno=1062i\n"
            + "mysql_replication,host=web-9,channel=default state=\"error\",last_sql_errno=1062i");
    JsonNode page = receiver.taken().poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(page).as("the page for the replica the silence does not match").isNotNull();
    assertThat(hosts(page)).containsExactly("web-9");
    assertThat(silencedBy("db-2")).isEqualTo(id);

    assertThat(ferry("alerts", "silence", "expire", id)).isZero();
    assertThat(out.toString().strip()).isEqualTo("expired " + id);
    assertThat(ferry("alerts", "silence", "list", "-q")).isZero();
    assertThat(out.toString()).doesNotContain(id);
    assertThat(ferry("alerts", "silence", "list", "--expired")).isZero();
    assertThat(out.toString()).contains(id + "  expired");

    JsonNode next = receiver.taken().poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(next).as("the page once the silence is gone").isNotNull();
    assertThat(hosts(next)).containsExactly("db-2", "web-9");

    assertThat(ferry("alerts", "silence", "expire", id)).isEqualTo(1);
    assertThat(err.toString()).contains("no active or pending silence " + id);
  }

  @Test
  void aMaintenanceWindowIsAddedListedAndRemoved() {
    int exit =
        ferry(
            "alerts",
            "window",
            "add",
            "--name",
            "cutover-rehearsal",
            "alertname=~\"ReadOnlyWrongSide|ReplicationDirection.*\"",
            "--duration",
            "2h");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString().strip()).isEqualTo("cutover-rehearsal");

    assertThat(ferry("alerts", "window", "list")).isZero();
    List<String> table = lines(out);
    assertThat(table.get(0)).startsWith("NAME").contains("MATCHERS", "FROM", "UNTIL");
    assertThat(table.get(1))
        .startsWith("cutover-rehearsal")
        .contains("active", "alertname=~\"ReadOnlyWrongSide|ReplicationDirection.*\"");

    assertThat(
            ferry(
                "alerts",
                "window",
                "add",
                "--name",
                "cutover-rehearsal",
                "host=db-1",
                "--duration",
                "1h"))
        .as("a second window of that name is refused")
        .isEqualTo(2);
    assertThat(err.toString()).contains("already named cutover-rehearsal");

    assertThat(ferry("alerts", "window", "expire", "cutover-rehearsal")).isZero();
    assertThat(ferry("alerts", "window", "list")).isZero();
    assertThat(lines(out)).hasSize(1);
    assertThat(ferry("alerts", "window", "expire", "cutover-rehearsal")).isEqualTo(1);
    assertThat(err.toString()).contains("no maintenance window cutover-rehearsal");
  }

  @Test
  void aWrongTokenExits1WithOneLineNamingTheUrl() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-token"), "not-the-token");

    int exit = run("alerts", "silence", "list", "--url", url(), "--token-file", wrong.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(lines(err))
        .singleElement()
        .asString()
        .startsWith("the collector at " + url() + "/api/v1/silences refused the token")
        .doesNotContain("not-the-token", "Exception");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnreachableCollectorExits1NamingTheUrl() throws Exception {
    String nowhere = "http://127.0.0.1:" + closedPort();

    int exit =
        run("alerts", "silence", "list", "--url", nowhere, "--token-file", tokenFile.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(lines(err))
        .singleElement()
        .asString()
        .startsWith("cannot reach the collector at " + nowhere + "/api/v1/silences");
  }

  @Test
  void aBadMatcherOrDurationExits2NamingIt() {
    assertThat(ferry("alerts", "silence", "add", "host=~\"db-((\"", "--comment", "x")).isEqualTo(2);
    assertThat(lines(err)).singleElement().asString().startsWith("bad matcher host=~\"db-((\":");

    assertThat(ferry("alerts", "silence", "add", "db-2", "--comment", "x")).isEqualTo(2);
    assertThat(lines(err)).singleElement().asString().startsWith("bad matcher db-2:");

    assertThat(ferry("alerts", "silence", "add", "host=db-2", "--comment", "x", "--duration", "2"))
        .isEqualTo(2);
    assertThat(lines(err))
        .singleElement()
        .asString()
        .isEqualTo("--duration: expected a duration such as 30m or 2h, got \"2\"");

    assertThat(ferry("alerts", "window", "add", "--name", "w", "host=db-2", "--until", "tonight"))
        .isEqualTo(2);
    assertThat(lines(err)).singleElement().asString().startsWith("--until: expected an ISO-8601");
  }

  @Test
  void theTokenComesFromTheFileOrTheEnvironmentNeverFromTheCommandLine() throws Exception {
    CollectorApiOptions options = new CollectorApiOptions();
    assertThat(options.token(Map.of(CollectorApiOptions.TOKEN_VARIABLE, " from-env\n")))
        .isEqualTo("from-env");
    options.tokenFile = tokenFile;
    assertThat(options.token(Map.of(CollectorApiOptions.TOKEN_VARIABLE, "from-env")))
        .isEqualTo(TOKEN);
    options.tokenFile = null;
    try {
      options.token(Map.of());
      throw new AssertionError("no token must be refused");
    } catch (BadCommandLineException e) {
      assertThat(e.getMessage()).contains("FERRY_TOKEN", "--token-file");
    }
  }

  /** Runs {@code ferry} against the test's collector with the right token. */
  private int ferry(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", url(), "--token-file", tokenFile.toString()));
    return run(all.toArray(String[]::new));
  }

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return new CommandLine(new FerryCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private static String url() {
    return "http://127.0.0.1:" + collector.actualPort();
  }

  private static List<String> lines(StringWriter writer) {
    return writer.toString().lines().toList();
  }

  private static List<String> hosts(JsonNode notification) {
    List<String> hosts = new ArrayList<>();
    notification.path("alerts").forEach(a -> hosts.add(a.path("labels").path("host").asText()));
    return hosts.stream().sorted().toList();
  }

  private static String silencedBy(String host) throws Exception {
    for (JsonNode alert : api("/api/v1/alerts").path("alerts")) {
      if (alert.path("labels").path("host").asText().equals(host)) {
        return alert.path("silencedBy").asText();
      }
    }
    throw new AssertionError("no alert for " + host);
  }

  private static void write(String lines) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url() + "/write?db=x"))
                    .header("Authorization", "Token " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  private static JsonNode api(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url() + path))
                    .header("Authorization", "Token " + TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** A loopback port nothing listens on (it was free a moment ago). */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
