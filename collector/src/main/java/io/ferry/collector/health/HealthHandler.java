package io.ferry.collector.health;

import io.ferry.collector.compare.ComparisonService;
import io.ferry.collector.influx.InfluxApiDetector;
import io.ferry.collector.influx.InfluxServer;
import io.ferry.collector.influx.InfluxStatus;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Answers {@code GET /health}: pings InfluxDB now and reports
 *
 * <pre>{@code
 * {"status": "UP" | "DEGRADED",
 *  "influxdb": {"url": ..., "api": "v1", "version": "1.6.7~rc0", "reachable": true,
 *               "last_error": null | {"message": ..., "at": ...}},
 *  "queue": {"pending_points": N},
 *  "compare": {"verdict": "GO", "exit_code": 0, "phase": "pre", "finished_at": ..., "running": false}}
 * }</pre>
 *
 * with status 200 when InfluxDB answered and 503 when it did not; then {@code influxdb.ping_error}
 * says why the ping failed. {@code last_error} is the most recent failed write since start. {@code
 * compare} appears only when a comparison is configured, with nulls before its first report; it
 * does not affect the status.
 */
public final class HealthHandler implements Handler<RoutingContext> {

  private final String influxUrl;
  private final InfluxServer server;
  private final InfluxApiDetector pinger;
  private final InfluxStatus status;
  private final IntSupplier pendingPoints;
  private final Optional<ComparisonService> comparison;

  /**
   * @param comparison the configured cutover comparison, whose latest verdict is shown; empty when
   *     none is configured
   */
  public HealthHandler(
      String influxUrl,
      InfluxServer server,
      InfluxApiDetector pinger,
      InfluxStatus status,
      IntSupplier pendingPoints,
      Optional<ComparisonService> comparison) {
    this.influxUrl = influxUrl;
    this.server = server;
    this.pinger = pinger;
    this.status = status;
    this.pendingPoints = pendingPoints;
    this.comparison = comparison;
  }

  @Override
  public void handle(RoutingContext ctx) {
    pinger
        .ping()
        .onComplete(
            ping -> {
              boolean reachable = ping.succeeded();
              String version = reachable ? ping.result() : server.version();
              var influx =
                  new JsonObject()
                      .put("url", influxUrl)
                      .put("api", server.api().configName())
                      .put("version", version == null || version.isEmpty() ? null : version)
                      .put("reachable", reachable)
                      .put(
                          "last_error",
                          status
                              .lastError()
                              .map(
                                  e ->
                                      new JsonObject()
                                          .put("message", e.message())
                                          .put("at", e.at().toString()))
                              .orElse(null));
              if (!reachable) {
                influx.put("ping_error", ping.cause().getMessage());
              }
              var body =
                  new JsonObject()
                      .put("status", reachable ? "UP" : "DEGRADED")
                      .put("influxdb", influx)
                      .put(
                          "queue",
                          new JsonObject().put("pending_points", pendingPoints.getAsInt()));
              comparison.ifPresent(service -> body.put("compare", service.status().health()));
              ctx.response()
                  .setStatusCode(reachable ? 200 : 503)
                  .putHeader("Content-Type", "application/json")
                  .end(body.encodePrettily());
            });
  }
}
