package io.ferry.collector.ingest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET /ping} and {@code HEAD /ping} as InfluxDB does: 204 with {@code
 * X-Influxdb-Version}, here {@code ferry-<version>}. Unlike InfluxDB's own, the route is
 * authenticated (the collector puts a token check before this handler), like every endpoint.
 */
public final class PingHandler implements Handler<RoutingContext> {

  private final String versionHeader;

  public PingHandler(String ferryVersion) {
    this.versionHeader = "ferry-" + ferryVersion;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().setStatusCode(204).putHeader("X-Influxdb-Version", versionHeader).end();
  }
}
