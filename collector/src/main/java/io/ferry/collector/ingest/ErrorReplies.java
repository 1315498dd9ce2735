package io.ferry.collector.ingest;

import io.vertx.ext.web.RoutingContext;

/** Sends InfluxDB-style JSON error responses. */
public final class ErrorReplies {

  /** Seconds a client is asked to wait before retrying after a 503. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private ErrorReplies() {}

  public static void send(
      RoutingContext ctx, ApiStyle style, ErrorCode code, String message, Integer line) {
    var response = ctx.response();
    if (response.headWritten()) {
      return;
    }
    response.setStatusCode(code.status()).putHeader("Content-Type", "application/json");
    if (code == ErrorCode.UNAVAILABLE) {
      response.putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    response.end(style.errorBody(code, message, line).encode());
  }

  public static void send(RoutingContext ctx, ApiStyle style, ErrorCode code, String message) {
    send(ctx, style, code, message, null);
  }
}
