package io.ferry.agent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port, standing in for the collector: records
 * each write request and answers with the next scripted status (204 when the script is empty).
 */
final class FakeCollector implements AutoCloseable {

  /** One request as the collector saw it, body decompressed. */
  record Received(
      String path, String authorization, String contentEncoding, String body, long atNanos) {
    List<String> lines() {
      return body.lines().toList();
    }
  }

  private final HttpServer server;
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final Queue<Received> received = new ConcurrentLinkedQueue<>();
  private volatile Promise<Void> hold;
  private volatile String retryAfter;

  FakeCollector(Vertx vertx) throws Exception {
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(this::handle)
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The next requests are answered with these statuses, in order. */
  void answer(Integer... next) {
    statuses.addAll(List.of(next));
  }

  /** Every 503 from now on carries this {@code Retry-After} header. */
  void retryAfter(String header) {
    retryAfter = header;
  }

  /** Holds the answers to the next requests until the returned promise completes. */
  Promise<Void> holdAnswers() {
    hold = Promise.promise();
    return hold;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() throws TimeoutException {
    server.close().await(10, TimeUnit.SECONDS);
  }

  private void handle(HttpServerRequest request) {
    request
        .body()
        .onSuccess(
            body -> {
              received.add(
                  new Received(
                      request.uri(),
                      request.getHeader("Authorization"),
                      request.getHeader("Content-Encoding"),
                      gunzip(body),
                      System.nanoTime()));
              Integer status = statuses.poll();
              int code = status == null ? 204 : status;
              Future<Void> release = hold == null ? Future.succeededFuture() : hold.future();
              release.onComplete(
                  done ->
                      request
                          .response()
                          .setStatusCode(code)
                          .putHeader(
                              "Retry-After", code == 503 && retryAfter != null ? retryAfter : "")
                          .end(code == 400 ? "line 1: field value is not valid" : ""));
            });
  }

  private static String gunzip(Buffer body) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the body is not gzip", e);
    }
  }
}
