package io.ferry.collector.ingest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code /query} (any method) in InfluxDB's JSON error shape, so that the {@code influx}
 * CLI and client libraries pointed at the collector print a readable error instead of failing on an
 * HTML page: the collector takes writes only and says where to query. The status is 403, as
 * InfluxDB answers a request to one of its services that is switched off.
 */
public final class QueryNotServedHandler implements Handler<RoutingContext> {

  private final String message;

  /**
   * @param influxUrl where the points are, for the message
   */
  public QueryNotServedHandler(String influxUrl) {
    this.message =
        "this is a Ferry collector: it takes writes (/write, /api/v2/write) and answers no"
            + " queries; query the InfluxDB it writes to, "
            + influxUrl;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().putHeader("X-Influxdb-Error", message);
    ErrorReplies.send(ctx, ApiStyle.V1, ErrorCode.FORBIDDEN, message);
  }
}
