package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bugs found by driving the collector with real clients (issue 8), each replayed with the
 * client that found it: curl with its default flags, the JDK HTTP client for gzip bodies, the
 * {@code influx} CLI; what was stored is read back from the real InfluxDB 1.6.7, and where InfluxDB
 * is the reference the same body is also posted straight to it.
 */
@ExtendWith(VertxExtension.class)
class IngestRegressionTest {

  /** Recent enough for the default ingest.max_age, fixed within a run. */
  private static final long T0 = (System.currentTimeMillis() - 60_000) * 1_000_000L;

  @TempDir static Path influxState;
  @TempDir Path files;
  private static LocalInfluxDb influx;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private String database;
  private CollectorVerticle collector;
  private CapturedStderr log;

  @BeforeAll
  static void startInflux() throws IOException {
    influx = LocalInfluxDb.start(influxState);
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @BeforeEach
  void deployCollector(Vertx vertx, TestInfo test) throws Exception {
    log = new CapturedStderr();
    database = "db_" + test.getTestMethod().orElseThrow().getName();
    influx.createDatabase(database);
    collector =
        new CollectorVerticle(TestConfigs.collector(influx.url(), InfluxApi.AUTO, database));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopCapturing() {
    log.close();
  }

  @Test
  void curlDataBinaryWithItsFormContentTypeIsTakenAsLineProtocol() throws Exception {
    Path file = files.resolve("points.lp");
    Files.writeString(file, lines("curl", 200));
    assertThat(Files.size(file)).isGreaterThan(4096);

    Result plain = curl("--data-binary", "@" + file);
    Result multipart = curl("-H", "Content-Type: multipart/form-data", "--data-binary", "@" + file);

    assertThat(plain.status()).as(plain.body()).isEqualTo(204);
    assertThat(multipart.status()).as(multipart.body()).isEqualTo(204);
    assertThat(count("curl")).isEqualTo(200);
  }

  @Test
  void gzipBodiesThatDoNotDecodeCompletelyAreRefusedWholeAndNothingIsStored() throws Exception {
    byte[] gzip = Gzip.compress(lines("cut", 50)).getBytes();
    byte[] withJunk = concat(gzip, "cut,host=x v=1\n".getBytes(StandardCharsets.UTF_8));
    byte[] badChecksum = gzip.clone();
    badChecksum[gzip.length - 8] ^= 1;

    var cutShort = postGzip(Arrays.copyOf(gzip, gzip.length / 2));
    var noTrailer = postGzip(Arrays.copyOf(gzip, gzip.length - 8));
    var trailing = postGzip(withJunk);
    var corrupt = postGzip(badChecksum);

    assertThat(cutShort.statusCode()).isEqualTo(400);
    assertThat(error(cutShort)).startsWith("unexpected EOF").contains("nothing was written");
    assertThat(noTrailer.statusCode()).isEqualTo(400);
    assertThat(error(noTrailer)).startsWith("unexpected EOF");
    assertThat(trailing.statusCode()).isEqualTo(400);
    assertThat(error(trailing)).startsWith("gzip: invalid header");
    assertThat(corrupt.statusCode()).isEqualTo(400);
    assertThat(error(corrupt)).startsWith("gzip: invalid checksum");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void concatenatedGzipMembersAreOneBodyAsInInfluxDb() throws Exception {
    byte[] body =
        concat(
            Gzip.compress(lines("members", 10)).getBytes(),
            Gzip.compress(lines("members", 20).substring(lines("members", 10).length()))
                .getBytes());

    var response = postGzip(body);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(count("members")).isEqualTo(20);
  }

  @Test
  void contentEncodingGzipOnABodyThatIsNotGzipIsAnswered400WithInfluxDbsMessage() throws Exception {
    var response = postGzip(lines("plain", 3).getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response)).startsWith("gzip: invalid header");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
    assertThat(log.lines())
        .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
  }

  @Test
  void influxCliPointedAtTheCollectorPrintsWhereToQueryAndFails() throws Exception {
    Result cli =
        run(
            List.of(
                "influx",
                "-host",
                "127.0.0.1",
                "-port",
                Integer.toString(collector.actualPort()),
                "-username",
                "fleet",
                "-password",
                TestConfigs.TOKEN,
                "-execute",
                "SHOW DATABASES"));

    assertThat(cli.status()).isNotZero();
    assertThat(cli.body())
        .contains("ERR: this is a Ferry collector", "answers no queries", influx.url())
        .doesNotContain("%!s(<nil>)");
  }

  @Test
  void queryOnAnyMethodAnswersInInfluxDbsJsonErrorShapeButOnlyWithAToken() throws Exception {
    String url = "http://127.0.0.1:" + collector.actualPort() + "/query?q=SHOW%20DATABASES";
    var get = HTTP.send(authorized(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    var post =
        HTTP.send(
            authorized(url).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    var anonymous =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    for (var response : List.of(get, post)) {
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(new JsonObject(response.body()).fieldNames()).containsExactly("error");
      assertThat(error(response)).contains("takes writes", influx.url());
    }
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void linesOnlyInfluxDbRefusesAreRefusedByLineAndStoredAsInfluxDbStoresThem() throws Exception {
    String body =
        String.join(
            "\n",
            "ok v=1 " + T0,
            "unsigned v=1u " + (T0 + 1),
            "tagged,time=x v=1 " + (T0 + 2),
            "timed time=1 " + (T0 + 3),
            "timed time=1i,v=2 " + (T0 + 4),
            "ok v=2 " + (T0 + 5),
            "twice v=1i,v=\"x\" " + (T0 + 7),
            "twice v=1i,v=2i " + (T0 + 8));
    String direct = database + "_direct";
    influx.createDatabase(direct);
    // InfluxDB refuses a whole body, storing nothing, when a field the body creates gets two types
    // in one line: the field exists before, so that its answer can be compared.
    String before = "twice v=0i " + (T0 + 6);
    assertThat(post("/write", before).statusCode()).isEqualTo(204);
    assertThat(curlStatus(influx.url() + "/write?db=" + direct, before)).isEqualTo(204);

    var viaCollector = post("/write", body);
    int straight = curlStatus(influx.url() + "/write?db=" + direct, body);

    assertThat(straight).isEqualTo(400);
    assertThat(viaCollector.statusCode()).isEqualTo(400);
    assertThat(error(viaCollector))
        .startsWith("partial write: ")
        .contains(
            "line 2: invalid number",
            "line 3: invalid tag key: input tag \"time\" on measurement \"tagged\" is invalid",
            "line 4: invalid field name: input field \"time\" on measurement \"timed\" is invalid",
            "line 7: field type conflict: field \"v\" appears twice, as integer then as string")
        .doesNotContain("line 1:", "line 5:", "line 6:", "line 8:");
    String everything = "SELECT * FROM /.*/";
    assertThat(influx.queryJson(database, everything))
        .isEqualTo(influx.queryJson(direct, everything))
        .contains("\"ok\"", "\"timed\"", "\"twice\"");
  }

  private HttpRequest.Builder authorized(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Token " + TestConfigs.TOKEN);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        authorized("http://127.0.0.1:" + collector.actualPort() + path)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postGzip(byte[] body) throws Exception {
    return HTTP.send(
        authorized("http://127.0.0.1:" + collector.actualPort() + "/write")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String error(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("error");
  }

  /** curl with its default flags, posting to the collector's /write. */
  private Result curl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-w", "\n%{http_code}"));
    command.addAll(List.of("-H", "Authorization: Token " + TestConfigs.TOKEN));
    command.addAll(Arrays.asList(arguments));
    command.add("http://127.0.0.1:" + collector.actualPort() + "/write");
    Result result = run(command);
    String out = result.body().strip();
    int cut = out.lastIndexOf('\n');
    return new Result(
        Integer.parseInt(out.substring(cut + 1)), cut < 0 ? "" : out.substring(0, cut));
  }

  private int curlStatus(String url, String body) throws Exception {
    Path file = files.resolve("direct.lp");
    Files.writeString(file, body);
    Result result =
        run(
            List.of(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "--data-binary",
                "@" + file,
                url));
    return Integer.parseInt(result.body().strip());
  }

  private static Result run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), out);
  }

  private record Result(int status, String body) {}

  private long count(String measurement) {
    var rows = influx.queryRows(database, "SELECT count(v) FROM " + measurement);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  /** {@code count} lines of one measurement, 30 bytes or more each, on 5 series. */
  private static String lines(String measurement, int count) {
    var out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(measurement)
          .append(",host=h")
          .append(i % 5)
          .append(" v=")
          .append(i)
          .append(' ')
          .append(T0 + i)
          .append('\n');
    }
    return out.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
