package io.ferry.collector.compare;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code POST /api/v1/compare}: starts a comparison and answers 202 {@code {"status":
 * "started", "started_at": ...}} at once, or 409 {@code {"error": ..., "started_at": ...}} with the
 * start of the run already going on.
 */
public final class StartComparisonHandler implements Handler<RoutingContext> {

  private final ComparisonService service;

  public StartComparisonHandler(ComparisonService service) {
    this.service = service;
  }

  @Override
  public void handle(RoutingContext ctx) {
    RunStart start = service.requestRun();
    if (start.started()) {
      JsonReply.send(
          ctx,
          202,
          new JsonObject()
              .put("status", "started")
              .put("started_at", start.startedAt().toString()));
    } else {
      JsonReply.send(
          ctx,
          409,
          new JsonObject()
              .put("error", "a comparison is already running; ask again when it has finished")
              .put("started_at", start.startedAt().toString()));
    }
  }
}
