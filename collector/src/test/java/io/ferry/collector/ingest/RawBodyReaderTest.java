package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.metrics.CollectorMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops sending in the middle of its body is answered 408 once nothing arrived for
 * the idle timeout, its connection is closed and its share of {@code max_body_bytes_in_flight} is
 * given back; a body that keeps arriving is read whole.
 */
@ExtendWith(VertxExtension.class)
class RawBodyReaderTest {

  private static final Duration IDLE = Duration.ofSeconds(2);

  private final BodyBytesInFlight inFlight = new BodyBytesInFlight(1 << 20);
  private final CollectorMetrics metrics = new CollectorMetrics();
  private HttpServer server;

  @BeforeEach
  void listen(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    router
        .post("/write")
        .handler(new RawBodyReader(1 << 20, ApiStyle.V1, inFlight, metrics, IDLE))
        .handler(
            ctx -> {
              int length = ctx.<io.vertx.core.buffer.Buffer>get(RawBodyReader.RAW_BODY).length();
              RawBodyReader.parsed(ctx);
              ctx.response().setStatusCode(200).end("read " + length);
            });
    server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void aBodyThatStallsIsAnswered408AndItsShareGivenBack() throws Exception {
    try (var socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head(1000, ""));
      out.write("cpu v=1\n12".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      await().atMost(Duration.ofSeconds(5)).until(() -> inFlight.bytes() == 1000);

      String response = readToEnd(socket.getInputStream());

      assertThat(response)
          .startsWith("HTTP/1.1 408")
          .contains("no byte of the request body arrived for 2s (after 10 bytes)");
      assertThat(inFlight.bytes()).isZero();
    }
  }

  @Test
  void aBodyThatKeepsArrivingIsReadWhole() throws Exception {
    try (var socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head(30, "Connection: close\r\n"));
      long started = System.nanoTime();
      for (int i = 0; i < 30; i++) {
        // the client's pace, a byte every 100 ms: longer than the idle timeout in all, never idle
        // for long
        Thread.sleep(100);
        out.write('x');
        out.flush();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(IDLE);

      assertThat(readToEnd(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("read 30");
      assertThat(inFlight.bytes()).isZero();
    }
  }

  private static byte[] head(int contentLength, String moreHeaders) {
    return ("POST /write HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + contentLength
            + "\r\n"
            + moreHeaders
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Everything the server sends until it closes the connection. */
  private static String readToEnd(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
  }
}
