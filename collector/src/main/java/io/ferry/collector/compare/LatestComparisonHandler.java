package io.ferry.collector.compare;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET /api/v1/compare/latest} with the state of runs and the latest report's JSON
 * document:
 *
 * <pre>{@code
 * {"running": false, "running_since": null, "last_error": null, "report": {"verdict": "GO", ...}}
 * }</pre>
 *
 * or 404 {@code {"error": "no comparison has run yet", "running": ...}} before the first report.
 */
public final class LatestComparisonHandler implements Handler<RoutingContext> {

  private final ComparisonService service;

  public LatestComparisonHandler(ComparisonService service) {
    this.service = service;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ComparisonStatus status = service.status();
    JsonObject body = status.runState();
    if (status.latest().isEmpty()) {
      JsonReply.send(
          ctx, 404, new JsonObject().put("error", "no comparison has run yet").mergeIn(body));
      return;
    }
    body.put("report", new JsonObject(status.latest().get().json()));
    JsonReply.send(ctx, 200, body);
  }
}
