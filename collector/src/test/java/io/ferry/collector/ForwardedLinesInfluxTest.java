package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.InfluxApi;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector forwards the lines it parsed as they were sent (docs/decisions.md, "The write to
 * InfluxDB forwards the lines as received"): a real InfluxDB 1.6.7 must store exactly what it
 * stores from the same points encoded from their fields, as the collector wrote them before. Each
 * body is posted through the collector into one database and, encoded from the points the
 * collector's parser reads from it, straight into another; the two databases must then answer the
 * same to every query: series, field types, values and timestamps.
 */
@ExtendWith(VertxExtension.class)
class ForwardedLinesInfluxTest {

  private static final String FORWARDED = "forwarded";
  private static final String ENCODED = "encoded";

  /** Lines in the forms senders write them; {@code P} is replaced per case, {@code T} by a time. */
  private static final String BODY =
      String.join(
          "\n",
          "P_disk\\ io,zone=b,host=a  used=1.50,ok=T,free=1E3,n=-0,big=12345678901234567890   T\r",
          "P_cpu,host=x\\,y\\=z,az=eu\\ west usage=.5,idle=99i,note=\"a \\\"b\\\" c\\\\ d\\e\" T",
          "  P_str,t=é☃ s=\"two\nlines\",b=FALSE,f=t,e=\"\"  T  ",
          "# a comment between lines",
          "P_repeated a=1i,b=2i,a=3i T",
          "P_time_field,host=a time=5,v=1 T",
          "P_m\\,x=y,tag\\ key=tag\\=value field\\ key=1,back\\slash=2 T",
          "P_exp v=1.7976931348623157e308,w=4.9e-324,x=-0.000001 T",
          "");

  @TempDir static Path influxState;
  private static LocalInfluxDb influx;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private CollectorVerticle collector;

  @BeforeAll
  static void startInflux() throws IOException {
    influx = LocalInfluxDb.start(influxState);
    influx.createDatabase(FORWARDED);
    influx.createDatabase(ENCODED);
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @BeforeEach
  void deployCollector(Vertx vertx) throws Exception {
    collector = new CollectorVerticle(TestConfigs.collector(influx.url(), InfluxApi.V1, FORWARDED));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
  }

  @Test
  void everyPrecisionIsStoredAsTheEncodedPointsAre() throws Exception {
    long recent = (System.currentTimeMillis() - 3_600_000) * 1_000_000L;
    for (Precision precision : Precision.values()) {
      String prefix = "p_" + precision.parameterName();
      String body =
          BODY.replace("P_", prefix + "_").replace(" T", " " + (recent / precision.nanosPerUnit()));

      var response = post("/write?precision=" + v1Name(precision), body);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
      influx.writeLines(ENCODED, encoded(parse(body, precision, 0)));
    }

    assertSameStored("/^p_/");
  }

  @Test
  void linesWithoutATimestampGetTheTimeTheBodyArrived() throws Exception {
    String body = BODY.replace("P_", "now_").replace(" T", "");
    long before = System.currentTimeMillis() * 1_000_000L;

    var response = post("/api/v2/write", body);

    long after = System.currentTimeMillis() * 1_000_000L;
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    var times = influx.queryRows(FORWARDED, "SELECT * FROM /^now_/");
    assertThat(times).hasSize(7);
    long stored = (Long) times.get(0).get("time");
    assertThat(stored).isBetween(before, after);
    assertThat(times).allSatisfy(row -> assertThat(row.get("time")).isEqualTo(stored));
    influx.writeLines(ENCODED, encoded(parse(body, Precision.NANOSECONDS, stored)));

    assertSameStored("/^now_/");
  }

  /** Both databases answer the same to every query about the measurements {@code regex} picks. */
  private static void assertSameStored(String regex) {
    for (String query :
        List.of(
            "SHOW SERIES FROM " + regex,
            "SHOW FIELD KEYS FROM " + regex,
            "SELECT * FROM " + regex + " GROUP BY *")) {
      String forwarded = influx.queryJson(FORWARDED, query);
      assertThat(forwarded).as(query).doesNotContain("\"error\"").contains("\"values\"");
      assertThat(forwarded).as(query).isEqualTo(influx.queryJson(ENCODED, query));
    }
  }

  private static ParseResult parse(String body, Precision precision, long receivedNanos) {
    ParseResult parsed = LineProtocolParser.parse(body, precision, receivedNanos);
    assertThat(parsed.errors()).isEmpty();
    // All but the line that repeats a field key are forwarded as read.
    assertThat(parsed.points()).hasSize(7).filteredOn(Point::hasSource).hasSize(6);
    return parsed;
  }

  /** The points encoded from their fields, as the collector wrote them before it forwarded text. */
  private static String encoded(ParseResult parsed) {
    var text = new StringBuilder();
    for (Point point : parsed.points()) {
      Point asStored =
          point.fields().containsKey("time") ? withoutTimeField(point) : point.withoutSource();
      LineProtocolWriter.appendEncoded(text, asStored, Precision.NANOSECONDS);
      text.append('\n');
    }
    return text.toString();
  }

  private static Point withoutTimeField(Point point) {
    var fields = new java.util.LinkedHashMap<>(point.fields());
    fields.remove("time");
    return new Point(point.measurement(), point.tags(), fields, point.timestampNanos());
  }

  private static String v1Name(Precision precision) {
    return switch (precision) {
      case NANOSECONDS -> "n";
      case MICROSECONDS -> "u";
      default -> precision.parameterName();
    };
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.actualPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Token " + TestConfigs.TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
