package io.ferry.collector.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Answers {@code GET /metrics} with the collector's metrics in Prometheus text format. */
public final class MetricsHandler implements Handler<RoutingContext> {

  private final CollectorMetrics metrics;

  public MetricsHandler(CollectorMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape());
  }
}
