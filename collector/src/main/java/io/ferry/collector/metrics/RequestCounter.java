package io.ferry.collector.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Counts every answered request by endpoint and status. Paths outside the known set are counted as
 * {@code other}, so random paths cannot create unbounded metric series.
 */
public final class RequestCounter implements Handler<RoutingContext> {

  private final CollectorMetrics metrics;
  private final Set<String> knownPaths;

  public RequestCounter(CollectorMetrics metrics, Set<String> knownPaths) {
    this.metrics = metrics;
    this.knownPaths = Set.copyOf(knownPaths);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    String endpoint = knownPaths.contains(path) ? path : "other";
    ctx.addEndHandler(ended -> metrics.requestAnswered(endpoint, ctx.response().getStatusCode()));
    ctx.next();
  }
}
