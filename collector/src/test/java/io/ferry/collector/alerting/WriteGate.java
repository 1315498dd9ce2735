package io.ferry.collector.alerting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP relay on 127.0.0.1 in front of a real InfluxDB that holds every {@code /write} until the
 * test {@linkplain #open() opens} it, then passes it on; other requests ({@code /ping}) pass at
 * once. It makes "InfluxDB is slow" happen on demand, so points stay pending in the collector's
 * writer for as long as a test needs.
 */
final class WriteGate implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String target;
  private final CountDownLatch open = new CountDownLatch(1);

  private WriteGate(String target) throws IOException {
    this.target = target;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::relay);
    server.start();
  }

  /** A closed gate in front of the InfluxDB at {@code targetUrl}. */
  static WriteGate start(String targetUrl) throws IOException {
    return new WriteGate(targetUrl);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Lets held and later writes through. */
  void open() {
    open.countDown();
  }

  private void relay(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (exchange.getRequestURI().getPath().equals("/write") && !open.await(2, TimeUnit.MINUTES)) {
        exchange.sendResponseHeaders(504, -1);
        return;
      }
      var request =
          HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      if (encoding != null) {
        request.header("Content-Encoding", encoding);
      }
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("content-length")
                    && !name.equalsIgnoreCase("transfer-encoding")
                    && !name.equals(":status")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    open.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
