package io.ferry.collector.web;

import io.ferry.collector.config.InfluxConfig;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.List;

/**
 * Runs InfluxQL {@code SELECT}s on the collector's InfluxDB over {@code POST /query} (InfluxDB 1.x,
 * and 2.x/3.x with a DBRP mapping), with the collector's credentials and timeout. The HTTP request
 * is asynchronous; the JSON answer is parsed on the pages' worker pool.
 */
final class InfluxQueryClient {

  private final WebClient client;
  private final InfluxConfig config;
  private final WorkerExecutor workers;

  InfluxQueryClient(WebClient client, InfluxConfig config, WorkerExecutor workers) {
    this.client = client;
    this.config = config;
    this.workers = workers;
  }

  /** Sends the statements in one request; returns each statement's series, in order. */
  Future<List<List<InfluxSeries>>> query(List<String> statements) {
    HttpRequest<Buffer> request =
        client
            .postAbs(config.endpoint("/query"))
            .addQueryParam("db", config.destination().database())
            .addQueryParam("epoch", "ms")
            .timeout(config.timeout().toMillis());
    if (config.destination().retentionPolicy() != null) {
      request.addQueryParam("rp", config.destination().retentionPolicy());
    }
    var credentials = config.credentials();
    if (credentials.username() != null) {
      request.basicAuthentication(
          credentials.username(), credentials.password() == null ? "" : credentials.password());
    } else if (credentials.token() != null) {
      request.putHeader("Authorization", "Token " + credentials.token());
    }
    // POST, so that a long statement (last-seen lookups of many hosts) fits; InfluxDB runs SELECT
    // and SHOW statements sent either way.
    var form = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
    form.add("q", String.join(";\n", statements));
    return request
        .sendForm(form)
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "InfluxDB at " + config.url() + " is unreachable: " + e.getMessage(), e)))
        .compose(
            response -> {
              if (response.statusCode() / 100 != 2) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "InfluxDB at "
                            + config.url()
                            + " answered "
                            + response.statusCode()
                            + " to a dashboard query"));
              }
              String body = response.bodyAsString();
              return workers.executeBlocking(
                  () -> InfluxQueryResponse.parse(body, statements.size()), false);
            });
  }

  /** One statement. */
  Future<List<InfluxSeries>> query(String statement) {
    return query(List.of(statement)).map(results -> results.get(0));
  }
}
