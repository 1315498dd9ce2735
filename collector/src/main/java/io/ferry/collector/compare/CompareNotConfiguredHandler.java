package io.ferry.collector.compare;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Answers the comparison endpoints with 404 when {@code collector.yml} has no {@code compare:}. */
public final class CompareNotConfiguredHandler implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    JsonReply.error(
        ctx,
        404,
        "no comparison is configured: add a compare: section (old and new clusters) to the"
            + " collector's configuration");
  }
}
