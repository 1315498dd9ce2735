package io.ferry.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A small webhook receiver on a free loopback port, as an on-call team would run one: it takes the
 * collector's webhook notifications ({@code POST /hook}, JSON, {@code Authorization: Bearer
 * <token>}) and keeps them in arrival order. A request without the token is answered 401, a body
 * that is not a notification 400; neither is kept.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** The path the collector posts to. */
  static final String PATH = "/hook";

  /** Largest body taken; the collector's notifications are a few kilobytes. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String token;
  private final byte[] expectedAuthorization;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final List<ReceivedNotification> received = new ArrayList<>();
  private int refused;

  private WebhookReceiver(HttpServer server, String token, Clock clock) {
    this.server = server;
    this.token = token;
    this.expectedAuthorization = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Starts a receiver on a free loopback port that accepts requests bearing {@code token}. */
  public static WebhookReceiver start(String token) throws IOException {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the webhook receiver needs a token");
    }
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server, token, Clock.systemUTC());
    server.createContext(PATH, receiver::handle);
    server.start();
    return receiver;
  }

  /** Where the collector posts: {@code http://127.0.0.1:PORT/hook}. */
  public URI url() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort()
            + PATH);
  }

  /** The bearer token the receiver expects, for the sender's configuration. */
  public String token() {
    return token;
  }

  /** The notifications taken so far, oldest first. */
  public List<ReceivedNotification> received() {
    lock.lock();
    try {
      return List.copyOf(received);
    } finally {
      lock.unlock();
    }
  }

  /** Requests refused so far (wrong or missing token, not a notification). */
  public int refused() {
    lock.lock();
    try {
      return refused;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a notification matching {@code wanted} has arrived, or {@code timeout} has passed.
   *
   * @return whether one arrived
   */
  public boolean await(Predicate<ReceivedNotification> wanted, Duration timeout)
      throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (received.stream().noneMatch(wanted)) {
        if (remaining <= 0) {
          return false;
        }
        remaining = arrived.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until more than {@code count} notifications have arrived, or {@code timeout} has passed.
   *
   * @return whether they did
   */
  public boolean awaitMoreThan(int count, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (received.size() <= count) {
        if (remaining <= 0) {
          return false;
        }
        remaining = arrived.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        refuse(exchange, 405, "POST a notification");
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (authorization == null
          || !MessageDigest.isEqual(
              expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8))) {
        refuse(exchange, 401, "a bearer token is required");
        return;
      }
      ReceivedNotification.Body body;
      try (InputStream in = exchange.getRequestBody()) {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
          refuse(exchange, 413, "larger than " + MAX_BODY_BYTES + " bytes");
          return;
        }
        body = JSON.readValue(bytes, ReceivedNotification.Body.class);
      } catch (JacksonException e) {
        refuse(exchange, 400, "not a webhook notification: " + e.getOriginalMessage());
        return;
      }
      if (body == null || body.status() == null || body.alerts() == null) {
        refuse(exchange, 400, "not a webhook notification: status and alerts are required");
        return;
      }
      var notification =
          new ReceivedNotification(clock.instant(), body.status(), body.receiver(), body.alerts());
      lock.lock();
      try {
        received.add(notification);
        arrived.signalAll();
      } finally {
        lock.unlock();
      }
      exchange.sendResponseHeaders(200, -1);
    } finally {
      exchange.close();
    }
  }

  private void refuse(HttpExchange exchange, int status, String why) throws IOException {
    lock.lock();
    try {
      refused++;
    } finally {
      lock.unlock();
    }
    byte[] text = (why + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, text.length);
    exchange.getResponseBody().write(text);
  }

  /** Stops listening at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
