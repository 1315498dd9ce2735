package io.ferry.collector.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The alert API in a cluster: the alerts, silences and maintenance windows live in the leader's
 * engine and dispatcher, so a collector that does not lead passes each authenticated alert API
 * request over the clustered event bus to the leader, which answers it with its own HTTP server,
 * and sends the leader's answer back unchanged. Through a load balancer the API therefore answers
 * the same whichever collector a request reaches, and a silence created anywhere reaches the leader
 * (and, with its state, the next leader).
 */
final class AlertApiProxy {

  /** The event bus address the leader answers alert API requests on. */
  static final String ADDRESS = "ferry.alerts.api";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final List<CharSequence> PASSED_HEADERS =
      List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT);

  private final Vertx vertx;
  private final BooleanSupplier leading;
  private final String localHost;
  private final IntSupplier localPort;
  private WebClient client;

  /**
   * @param leading whether this collector leads (then requests are answered here)
   * @param localHost where this collector's HTTP server listens ({@code listen.host})
   * @param localPort the port it listens on, known once it listens
   */
  AlertApiProxy(Vertx vertx, BooleanSupplier leading, String localHost, IntSupplier localPort) {
    this.vertx = vertx;
    this.leading = leading;
    this.localHost =
        localHost.equals("0.0.0.0") || localHost.equals("::") ? "127.0.0.1" : localHost;
    this.localPort = localPort;
  }

  /** On a collector that does not lead, passes the request on to the leader. */
  void handle(RoutingContext ctx) {
    if (leading.getAsBoolean()) {
      ctx.next();
      return;
    }
    var options =
        new DeliveryOptions()
            .setSendTimeout(TIMEOUT.toMillis())
            .addHeader("method", ctx.request().method().name())
            .addHeader("uri", ctx.request().uri());
    for (CharSequence header : PASSED_HEADERS) {
      String value = ctx.request().getHeader(header);
      if (value != null) {
        options.addHeader(header.toString(), value);
      }
    }
    Buffer body = ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().buffer();
    vertx
        .eventBus()
        .<Buffer>request(ADDRESS, body == null ? Buffer.buffer() : body, options)
        .onSuccess(
            reply -> {
              var response =
                  ctx.response().setStatusCode(Integer.parseInt(reply.headers().get("status")));
              String type = reply.headers().get("content-type");
              if (type != null) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, type);
              }
              response.end(reply.body());
            })
        .onFailure(
            e ->
                ctx.response()
                    .setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(
                        new JsonObject()
                            .put(
                                "error",
                                "this collector does not evaluate alerts and the cluster's leader"
                                    + " did not answer ("
                                    + e.getMessage()
                                    + "); try again in a few seconds")
                            .encode()));
  }

  /** On the leader: answers requests passed on by the others. */
  Future<MessageConsumer<Buffer>> serve() {
    client = WebClient.create(vertx);
    MessageConsumer<Buffer> consumer = vertx.eventBus().consumer(ADDRESS, this::answer);
    return consumer.completion().map(registered -> consumer);
  }

  private void answer(Message<Buffer> message) {
    HttpRequest<Buffer> request =
        client
            .request(
                HttpMethod.valueOf(message.headers().get("method")),
                localPort.getAsInt(),
                localHost,
                message.headers().get("uri"))
            .timeout(TIMEOUT.toMillis());
    for (CharSequence header : PASSED_HEADERS) {
      String value = message.headers().get(header.toString());
      if (value != null) {
        request.putHeader(header.toString(), value);
      }
    }
    request
        .sendBuffer(message.body())
        .onSuccess(
            response -> {
              var options =
                  new DeliveryOptions()
                      .addHeader("status", Integer.toString(response.statusCode()));
              String type = response.getHeader(HttpHeaders.CONTENT_TYPE.toString());
              if (type != null) {
                options.addHeader("content-type", type);
              }
              Buffer body = response.body();
              message.reply(body == null ? Buffer.buffer() : body, options);
            })
        .onFailure(e -> message.fail(502, e.getMessage()));
  }

  void close() {
    if (client != null) {
      client.close();
    }
  }
}
