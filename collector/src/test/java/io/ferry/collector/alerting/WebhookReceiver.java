package io.ferry.collector.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP webhook receiver on loopback (the JDK's server): answers every POST with the status
 * set by {@link #answer(int)}, 200 at first, and keeps the bodies it answered with a 2xx.
 */
public final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<JsonNode> taken = new LinkedBlockingQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Starts a receiver on a free loopback port. */
  public static WebhookReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext(
        "/",
        exchange -> {
          receiver.requests.incrementAndGet();
          JsonNode body = JSON.readTree(exchange.getRequestBody());
          int answer = receiver.status;
          if (answer / 100 == 2) {
            receiver.taken.add(body);
          }
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.setExecutor(receiver.threads);
    server.start();
    return receiver;
  }

  /** From now on every request is answered with {@code status}. */
  public void answer(int status) {
    this.status = status;
  }

  /** The notifications answered with a 2xx, oldest first; take them with {@code poll}. */
  public BlockingQueue<JsonNode> taken() {
    return taken;
  }

  /** Requests received, whatever the answer. */
  public int requests() {
    return requests.get();
  }

  /** {@code http://127.0.0.1:port} followed by {@code pathAndQuery}. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
