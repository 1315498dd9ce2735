package io.ferry.collector.compare;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET /compare/latest.html} with the latest comparison's HTML report, or 404 before
 * the first.
 */
public final class LatestReportHtmlHandler implements Handler<RoutingContext> {

  private final ComparisonService service;

  public LatestReportHtmlHandler(ComparisonService service) {
    this.service = service;
  }

  @Override
  public void handle(RoutingContext ctx) {
    service
        .status()
        .latest()
        .ifPresentOrElse(
            latest ->
                ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(latest.html()),
            () -> JsonReply.error(ctx, 404, "no comparison has run yet"));
  }
}
