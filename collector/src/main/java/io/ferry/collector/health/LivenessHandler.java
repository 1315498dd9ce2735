package io.ferry.collector.health;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health/live}: the one path answered without a token, for load balancers and process
 * supervisors. It answers 200 {@code ok} whenever the collector's HTTP server runs, and reveals
 * nothing else: no version, no InfluxDB state (that is {@code GET /health}, authenticated).
 */
public final class LivenessHandler implements Handler<RoutingContext> {

  /** The path. */
  public static final String PATH = "/health/live";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end("ok\n");
  }
}
