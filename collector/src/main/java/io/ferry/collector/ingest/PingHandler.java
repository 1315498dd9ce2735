package io.ferry.collector.ingest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET /ping} and {@code HEAD /ping} as InfluxDB does: 204 with {@code
 * X-Influxdb-Version}, here {@code ferry-<version>}. Not authenticated, like InfluxDB's own, since
 * clients such as Telegraf ping before they write; it reveals nothing but the version.
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
