package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.IngestConfig;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.PrometheusSamples;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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
 * {@code ingest.max_body_bytes_in_flight} with real HTTP clients against a collector writing to a
 * real InfluxDB 1.6.7: two clients hold most of the bound with bodies they send slowly; a third
 * body that would pass it is answered 503 with {@code Retry-After} at once, and a chunked body that
 * passes it half-way is refused whole. The held bodies are then finished and written, nothing of
 * the refused ones is, and the bound is free again.
 */
@ExtendWith(VertxExtension.class)
class BodiesInFlightTest {

  private static final int MAX_BODY = 64 * 1024;
  private static final long IN_FLIGHT = 128 * 1024;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path influxState;
  private static LocalInfluxDb influx;

  private String database;
  private CollectorVerticle collector;
  private final long now = System.currentTimeMillis() / 1000;
  private HeldRequest first;
  private HeldRequest second;

  @BeforeAll
  static void startInflux() throws Exception {
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
    var ingest =
        new IngestConfig(
            MAX_BODY,
            IngestConfig.DEFAULT_MAX_LINE_LENGTH,
            IngestConfig.DEFAULT_MAX_TAGS,
            IngestConfig.DEFAULT_MAX_FIELDS,
            IngestConfig.DEFAULT_MAX_KEY_LENGTH,
            Optional.of(Duration.ofHours(1)),
            Optional.of(Duration.ofDays(1)),
            IN_FLIGHT);
    collector =
        new CollectorVerticle(TestConfigs.collector(influx.url(), InfluxApi.V1, database, ingest));
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void closeClients() throws IOException {
    for (HeldRequest held : new HeldRequest[] {first, second}) {
      if (held != null) {
        held.close();
      }
    }
  }

  @Test
  void aBodyThatWouldPassTheBoundIsAnswered503BeforeItIsReadAndNothingOfItIsWritten()
      throws Exception {
    byte[] bodyA = lines("held_a", 60_000);
    byte[] bodyB = lines("held_b", 60_000);
    first = HeldRequest.start(collector.actualPort(), bodyA, 1_000);
    second = HeldRequest.start(collector.actualPort(), bodyB, 1_000);
    awaitBytesInFlight(bodyA.length + bodyB.length);

    HttpResponse<String> refused = post(lines("refused_c", 20_000));

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(
            seconds ->
                assertThat(Integer.parseInt(seconds))
                    .isBetween(ErrorReplies.RETRY_AFTER_MIN, ErrorReplies.RETRY_AFTER_MAX));
    assertThat(new JsonObject(refused.body()).getString("error"))
        .contains(
            "receiving " + (bodyA.length + bodyB.length) + " bytes of other write bodies",
            "ingest.max_body_bytes_in_flight (128KiB)",
            "nothing was written, retry later");
    assertThat(metric("ferry_collector_body_bytes_in_flight_refused_total")).isEqualTo(1.0);

    first.finish();
    second.finish();
    assertThat(first.status()).isEqualTo(204);
    assertThat(second.status()).isEqualTo(204);
    awaitBytesInFlight(0);
    assertThat(count("held_a")).isEqualTo(linesIn(bodyA));
    assertThat(count("held_b")).isEqualTo(linesIn(bodyB));
    assertThat(count("refused_c")).isZero();

    // The bound is free again: the refused body goes through when sent again.
    byte[] bodyC = lines("refused_c", 20_000);
    assertThat(post(bodyC).statusCode()).isEqualTo(204);
    assertThat(count("refused_c")).isEqualTo(linesIn(bodyC));
  }

  @Test
  void aChunkedBodyThatPassesTheBoundHalfWayIsRefusedWhole() throws Exception {
    byte[] bodyA = lines("held_a", 60_000);
    byte[] bodyB = lines("held_b", 60_000);
    first = HeldRequest.start(collector.actualPort(), bodyA, 1_000);
    second = HeldRequest.start(collector.actualPort(), bodyB, 1_000);
    awaitBytesInFlight(bodyA.length + bodyB.length);
    byte[] half = lines("half", 5_000);
    byte[] rest = lines("half", 10_000);
    assertThat(bodyA.length + bodyB.length + half.length).isLessThanOrEqualTo((int) IN_FLIGHT);
    assertThat(bodyA.length + bodyB.length + half.length + rest.length)
        .isGreaterThan((int) IN_FLIGHT);

    int status;
    try (var chunked = HeldRequest.startChunked(collector.actualPort(), half)) {
      // the first chunk is held within the bound
      awaitBytesInFlight(bodyA.length + bodyB.length + half.length);
      chunked.finishChunked(rest);
      status = chunked.status();
    }

    assertThat(status).isEqualTo(503);
    awaitBytesInFlight(bodyA.length + bodyB.length);
    first.finish();
    second.finish();
    assertThat(first.status()).isEqualTo(204);
    assertThat(second.status()).isEqualTo(204);
    assertThat(count("half")).as("lines of the refused chunked body in InfluxDB").isZero();
    assertThat(count("held_a")).isEqualTo(linesIn(bodyA));
    awaitBytesInFlight(0);
  }

  /** Lines of {@code measurement} filling {@code bytes} bytes or a little less. */
  private byte[] lines(String measurement, int bytes) {
    var text = new StringBuilder();
    for (int i = 0; ; i++) {
      String line = String.format(Locale.ROOT, "%s,n=%06d v=%di %d\n", measurement, i, i, now);
      if (text.length() + line.length() > bytes) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
      }
      text.append(line);
    }
  }

  private static long linesIn(byte[] body) {
    return new String(body, StandardCharsets.UTF_8).lines().count();
  }

  private long count(String measurement) {
    var rows = influx.queryRows(database, "SELECT count(v) FROM " + measurement);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  private void awaitBytesInFlight(long bytes) {
    await("%d bytes of bodies in flight".formatted(bytes))
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> metric("ferry_collector_body_bytes_in_flight") == bytes);
  }

  private double metric(String name) throws Exception {
    HttpResponse<String> scrape =
        HTTP.send(request("/metrics").GET().build(), HttpResponse.BodyHandlers.ofString());
    return PrometheusSamples.parse(scrape.body()).value(name).orElseThrow();
  }

  private HttpResponse<String> post(byte[] body) throws Exception {
    return HTTP.send(
        request("/write?precision=s").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.actualPort() + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Token " + TestConfigs.TOKEN);
  }

  /**
   * A write request over a plain socket whose body is sent in two parts, so the test decides how
   * long the collector holds it.
   */
  private static final class HeldRequest implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final byte[] rest;

    private HeldRequest(Socket socket, byte[] rest) throws IOException {
      this.socket = socket;
      this.out = socket.getOutputStream();
      this.rest = rest;
      socket.setSoTimeout(30_000);
    }

    /**
     * Sends the head ({@code Content-Length} of the whole body) and its first {@code sent} bytes.
     */
    static HeldRequest start(int port, byte[] body, int sent) throws IOException {
      var request = new HeldRequest(new Socket("127.0.0.1", port), tail(body, sent));
      request.out.write(head("Content-Length: " + body.length));
      request.out.write(body, 0, sent);
      request.out.flush();
      return request;
    }

    /** Sends the head of a chunked body (no {@code Content-Length}) and its first chunk. */
    static HeldRequest startChunked(int port, byte[] firstChunk) throws IOException {
      var request = new HeldRequest(new Socket("127.0.0.1", port), new byte[0]);
      request.out.write(head("Transfer-Encoding: chunked"));
      request.chunk(firstChunk);
      request.out.flush();
      return request;
    }

    void finish() throws IOException {
      out.write(rest);
      out.flush();
    }

    void finishChunked(byte[] lastChunk) throws IOException {
      chunk(lastChunk);
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }

    /** The response's status, once the response head has arrived. */
    int status() throws IOException {
      InputStream in = socket.getInputStream();
      String statusLine = readLine(in);
      while (!readLine(in).isEmpty()) {
        // the headers: the status is what the tests look at
      }
      return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private void chunk(byte[] bytes) throws IOException {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] head(String framing) {
      return ("POST /write?precision=s HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\n"
              + "Authorization: Token "
              + TestConfigs.TOKEN
              + "\r\n"
              + framing
              + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] tail(byte[] body, int from) {
      byte[] tail = new byte[body.length - from];
      System.arraycopy(body, from, tail, 0, tail.length);
      return tail;
    }

    private static String readLine(InputStream in) throws IOException {
      var line = new ByteArrayOutputStream();
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("connection closed before the response head ended");
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
