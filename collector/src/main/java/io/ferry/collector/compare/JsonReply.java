package io.ferry.collector.compare;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Sends the comparison endpoints' JSON answers. */
final class JsonReply {

  private JsonReply() {}

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encodePrettily());
  }

  static void error(RoutingContext ctx, int status, String message) {
    send(ctx, status, new JsonObject().put("error", message));
  }
}
