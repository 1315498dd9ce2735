package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.collector.config.InfluxApi;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The write endpoints against a real InfluxDB 1.6.7, one database per test. */
@ExtendWith(VertxExtension.class)
class WriteEndpointTest {

  private static final long T0 = 1_700_000_000_000_000_000L;

  @TempDir static Path influxState;
  private static LocalInfluxDb influx;

  private String database;
  private CollectorVerticle collector;
  private WebClient client;

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
    database = "db_" + test.getTestMethod().orElseThrow().getName();
    influx.createDatabase(database);
    collector =
        new CollectorVerticle(TestConfigs.collector(influx.url(), InfluxApi.AUTO, database));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(collector.actualPort()));
  }

  @Test
  void detectsTheV1ApiOfInfluxDb167() {
    assertThat(collector.influxServer().api()).isEqualTo(InfluxApi.V1);
    assertThat(collector.influxServer().version()).startsWith("1.6.7");
  }

  @Test
  void gzipV2WriteWithTokenIsReadableWithTagsFieldsAndTypesIntact() throws Exception {
    String body =
        "cpu,host=web-1,region=eu usage=0.5,cores=4i,healthy=true,label=\"primary\" "
            + T0
            + "\n"
            + "cpu,host=web-2,region=us usage=1.25,cores=8i,healthy=false,label=\"replica\" "
            + T0
            + "\n";

    var response =
        client
            .post("/api/v2/write?bucket=ignored&org=ignored&precision=ns")
            .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
            .putHeader("Content-Encoding", "gzip")
            .sendBuffer(Gzip.compress(body))
            .await(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(204);
    List<Map<String, Object>> rows = influx.queryRows(database, "SELECT * FROM cpu ORDER BY time");
    assertThat(rows)
        .extracting(
            r -> r.get("time"),
            r -> r.get("host"),
            r -> r.get("region"),
            r -> r.get("usage"),
            r -> r.get("cores"),
            r -> r.get("healthy"),
            r -> r.get("label"))
        .containsExactlyInAnyOrder(
            tuple(T0, "web-1", "eu", 0.5, 4L, true, "primary"),
            tuple(T0, "web-2", "us", 1.25, 8L, false, "replica"));
    assertThat(influx.queryRows(database, "SHOW FIELD KEYS FROM cpu"))
        .extracting(r -> r.get("fieldKey"), r -> r.get("fieldType"))
        .containsExactlyInAnyOrder(
            tuple("usage", "float"),
            tuple("cores", "integer"),
            tuple("healthy", "boolean"),
            tuple("label", "string"));
  }

  @Test
  void v1WriteWithBasicAuthAndSecondPrecision() throws Exception {
    var response =
        client
            .post("/write?db=whatever&precision=s")
            .basicAuthentication("telegraf", TestConfigs.TOKEN)
            .sendBuffer(Buffer.buffer("mem,host=db-1 used=42i 1700000000\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(influx.queryRows(database, "SELECT used, host FROM mem"))
        .extracting(r -> r.get("time"), r -> r.get("host"), r -> r.get("used"))
        .containsExactly(tuple(T0, "db-1", 42L));
  }

  @Test
  void v1WriteWithTokenInThePasswordParameter() throws Exception {
    var response =
        client
            .post("/write?db=whatever&u=cli&p=" + TestConfigs.TOKEN)
            .sendBuffer(Buffer.buffer("disk,host=db-1 free=1i " + T0 + "\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(influx.queryRows(database, "SELECT free FROM disk")).hasSize(1);
  }

  @Test
  void wrongTokenIsRefusedAndNothingIsWritten() throws Exception {
    var v2 =
        client
            .post("/api/v2/write")
            .putHeader("Authorization", "Token not-the-token")
            .sendBuffer(Buffer.buffer("cpu usage=1 " + T0 + "\n"))
            .await(10, TimeUnit.SECONDS);
    var v1 =
        client
            .post("/write")
            .basicAuthentication("telegraf", "not-the-token")
            .sendBuffer(Buffer.buffer("cpu usage=1 " + T0 + "\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(v2.statusCode()).isEqualTo(401);
    assertThat(v2.bodyAsJsonObject().getString("code")).isEqualTo("unauthorized");
    assertThat(v1.statusCode()).isEqualTo(401);
    assertThat(v1.bodyAsJsonObject().getString("error")).contains("authorization failed");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void missingTokenIsRefused() throws Exception {
    var response =
        client
            .post("/api/v2/write")
            .sendBuffer(Buffer.buffer("cpu usage=1 " + T0 + "\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("message")).contains("missing");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void oversizedBodyIsRefusedWith413AndNothingIsWritten() throws Exception {
    String body = lines((int) (TestConfigs.MAX_BODY_BYTES / 40) + 1_000);
    assertThat(body.length()).isGreaterThan((int) TestConfigs.MAX_BODY_BYTES);

    var response = writeV2(Buffer.buffer(body), false);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsJsonObject().getString("message")).contains("ingest.max_body_bytes");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void gzipBombIsBoundedByTheDecodedSize() throws Exception {
    Buffer compressed = Gzip.compress(("load,host=h v=1 " + T0 + "\n").repeat(500_000));
    assertThat(compressed.length()).isLessThan((int) TestConfigs.MAX_BODY_BYTES);

    var response = writeV2(compressed, true);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void badLinesAreNamedAndTheGoodOnesWritten() throws Exception {
    String body =
        "cpu,host=a usage=1 "
            + T0
            + "\n"
            + "cpu,host=b usage=oops "
            + T0
            + "\n"
            + "cpu,host=c usage=3 "
            + T0
            + "\n"
            + "cpu,host=d\n"
            + "cpu,host=e usage=5 "
            + T0
            + "\n";

    var response = writeV2(Buffer.buffer(body), false);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("code")).isEqualTo("invalid");
    assertThat(error.getInteger("line")).isEqualTo(2);
    assertThat(error.getString("message"))
        .startsWith("partial write: ")
        .contains("line 2: ", "line 4: ")
        .doesNotContain("line 1:", "line 3:", "line 5:");
    assertThat(influx.queryRows(database, "SELECT usage, host FROM cpu"))
        .extracting(r -> r.get("host"))
        .containsExactlyInAnyOrder("a", "c", "e");
  }

  @Test
  void badLinesOnV1AreReportedInTheV1Shape() throws Exception {
    var response =
        client
            .post("/write")
            .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
            .sendBuffer(Buffer.buffer("cpu usage=1 " + T0 + "\nnot line protocol\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().fieldNames()).containsExactly("error");
    assertThat(response.bodyAsJsonObject().getString("error")).contains("line 2: ");
  }

  @Test
  void aFieldTypeConflictReportedByInfluxDbIsAnswered400WithItsReason() throws Exception {
    assertThat(writeV2(Buffer.buffer("conflict v=1i " + T0 + "\n"), false).statusCode())
        .isEqualTo(204);

    var response = writeV2(Buffer.buffer("conflict v=\"text\" " + (T0 + 1) + "\n"), false);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("message"))
        .startsWith("InfluxDB rejected points: ")
        .contains("field type conflict");
  }

  @Test
  void unknownPrecisionIsRefusedWith400() throws Exception {
    var v2 =
        client
            .post("/api/v2/write?precision=h")
            .putHeader("Authorization", "Bearer " + TestConfigs.TOKEN)
            .sendBuffer(Buffer.buffer("cpu usage=1 1\n"))
            .await(10, TimeUnit.SECONDS);
    var v1 =
        client
            .post("/write?precision=fortnight")
            .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
            .sendBuffer(Buffer.buffer("cpu usage=1 1\n"))
            .await(10, TimeUnit.SECONDS);

    assertThat(v2.statusCode()).isEqualTo(400);
    assertThat(v2.bodyAsJsonObject().getString("message")).contains("precision \"h\"");
    assertThat(v1.statusCode()).isEqualTo(400);
    assertThat(v1.bodyAsJsonObject().getString("error")).contains("precision \"fortnight\"");
    assertThat(influx.queryRows(database, "SHOW SERIES")).isEmpty();
  }

  @Test
  void largeBodyIsParsedOffTheEventLoopAndFullyWritten() throws Exception {
    String body = lines(5_000);
    assertThat(body.length()).isGreaterThan(64 * 1024);

    var response = writeV2(Gzip.compress(body), true);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(influx.queryRows(database, "SELECT count(v) FROM load"))
        .extracting(r -> r.get("count"))
        .containsExactly(5_000L);
  }

  @Test
  void pingAnswersLikeInfluxDbButOnlyWithAToken() throws Exception {
    var anonymous = client.get("/ping").send().await(10, TimeUnit.SECONDS);
    var response =
        client
            .get("/ping")
            .putHeader("Authorization", "Token " + TestConfigs.TOKEN)
            .send()
            .await(10, TimeUnit.SECONDS);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.getHeader("X-Influxdb-Version")).isNull();
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.getHeader("X-Influxdb-Version")).startsWith("ferry-");
  }

  @Test
  void healthReportsInfluxDbAndRequiresAToken() throws Exception {
    var anonymous = client.get("/health").send().await(10, TimeUnit.SECONDS);
    var health =
        client
            .get("/health")
            .putHeader("Authorization", "Bearer " + TestConfigs.TOKEN)
            .send()
            .await(10, TimeUnit.SECONDS);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(health.statusCode()).isEqualTo(200);
    JsonObject json = health.bodyAsJsonObject();
    assertThat(json.getString("status")).isEqualTo("UP");
    assertThat(json.getJsonObject("influxdb").getString("url")).isEqualTo(influx.url());
    assertThat(json.getJsonObject("influxdb").getString("api")).isEqualTo("v1");
    assertThat(json.getJsonObject("influxdb").getString("version")).startsWith("1.6.7");
    assertThat(json.getJsonObject("influxdb").getBoolean("reachable")).isTrue();
    assertThat(json.getJsonObject("queue").getInteger("pending_points")).isZero();
  }

  @Test
  void metricsCountRequestsPointsAndRejectedLines() throws Exception {
    writeV2(Buffer.buffer("cpu usage=1 " + T0 + "\ncpu usage=\n"), false);

    var metrics =
        client
            .get("/metrics")
            .basicAuthentication("prometheus", TestConfigs.TOKEN)
            .send()
            .await(10, TimeUnit.SECONDS);

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.bodyAsString())
        .contains("ferry_collector_points_accepted_total 1.0")
        .contains("ferry_collector_lines_rejected_total 1.0")
        .contains("ferry_collector_requests_total{endpoint=\"/api/v2/write\",status=\"400\"} 1.0")
        .contains("ferry_collector_influx_write_seconds_count 1")
        .contains("ferry_collector_batch_points_count 1")
        .contains("ferry_collector_influx_writes_in_flight 0.0");
  }

  private HttpResponse<Buffer> writeV2(Buffer body, boolean gzip) throws Exception {
    var request =
        client.post("/api/v2/write").putHeader("Authorization", "Token " + TestConfigs.TOKEN);
    if (gzip) {
      request.putHeader("Content-Encoding", "gzip");
    }
    return request.sendBuffer(body).await(30, TimeUnit.SECONDS);
  }

  /** {@code count} distinct valid lines of about 40 bytes each. */
  private static String lines(int count) {
    var out = new StringBuilder(count * 40);
    for (int i = 0; i < count; i++) {
      out.append("load,host=h")
          .append(i % 50)
          .append(" v=")
          .append(i)
          .append(' ')
          .append(T0 + i)
          .append('\n');
    }
    return out.toString();
  }
}
