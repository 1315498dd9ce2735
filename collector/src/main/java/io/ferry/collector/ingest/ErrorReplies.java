package io.ferry.collector.ingest;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;

/** Sends InfluxDB-style JSON error responses. */
public final class ErrorReplies {

  /**
   * Fewest seconds a client is asked to wait before retrying after a 503 ({@code Retry-After}).
   * Each 503 asks for a whole number of seconds drawn uniformly from {@value #RETRY_AFTER_MIN} to
   * {@value #RETRY_AFTER_MAX}, so a fleet refused at the same moment does not come back in step.
   */
  public static final int RETRY_AFTER_MIN = 3;

  /** Most seconds a client is asked to wait before retrying after a 503. */
  public static final int RETRY_AFTER_MAX = 10;

  private ErrorReplies() {}

  public static void send(
      RoutingContext ctx, ApiStyle style, ErrorCode code, String message, Integer line) {
    var response = ctx.response();
    if (response.headWritten()) {
      return;
    }
    response.setStatusCode(code.status()).putHeader("Content-Type", "application/json");
    if (code == ErrorCode.UNAVAILABLE) {
      response.putHeader("Retry-After", Integer.toString(retryAfterSeconds()));
    }
    response.end(style.errorBody(code, message, line).encode());
  }

  public static void send(RoutingContext ctx, ApiStyle style, ErrorCode code, String message) {
    send(ctx, style, code, message, null);
  }

  /** A {@code Retry-After} in whole seconds, uniform in [{@code MIN}, {@code MAX}]. */
  static int retryAfterSeconds() {
    return ThreadLocalRandom.current().nextInt(RETRY_AFTER_MIN, RETRY_AFTER_MAX + 1);
  }
}
