package io.ferry.collector.influx;

import io.ferry.collector.config.InfluxConfig;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes points with InfluxDB 1.x's {@code POST /write?db=&rp=} (line protocol, nanosecond
 * timestamps) through the non-blocking Vert.x web client. When InfluxDB says the database does not
 * exist and {@code create_database} is on, it creates the database and writes again. Each batch's
 * body (about 1 MB for 5,000 agent points) is built on a small worker pool of its own, not on the
 * event loop that serves every connection.
 */
public final class InfluxV1HttpWriter implements PointWriter {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxV1HttpWriter.class);

  /** Name of the worker pool the bodies are built on. */
  public static final String ENCODE_POOL = "ferry-influx-encode";

  /** As many as the parse pool: building a body is CPU work, like parsing one. */
  private static final int ENCODE_THREADS = 2;

  private final WebClient client;
  private final InfluxConfig config;
  private final LineProtocolBody lines = new LineProtocolBody();
  private final WorkerExecutor encoders;

  public InfluxV1HttpWriter(Vertx vertx, WebClient client, InfluxConfig config) {
    this.client = client;
    this.config = config;
    this.encoders =
        vertx.createSharedWorkerExecutor(ENCODE_POOL, ENCODE_THREADS, 60, TimeUnit.SECONDS);
  }

  @Override
  public Future<Void> write(List<Point> points) {
    if (points.isEmpty()) {
      return Future.succeededFuture();
    }
    return encoders.executeBlocking(() -> lines.encode(points), false).compose(this::postAll);
  }

  /** Posts a body, creating the database first when InfluxDB says it does not exist. */
  private Future<Void> postAll(Buffer body) {
    return post(body)
        .compose(
            response -> {
              if (response.statusCode() == 404
                  && config.destination().createDatabase()
                  && errorText(response).contains("database not found")) {
                return createDatabase().compose(created -> post(body)).compose(this::outcome);
              }
              return outcome(response);
            });
  }

  @Override
  public Future<Void> close() {
    return encoders.close();
  }

  private Future<HttpResponse<Buffer>> post(Buffer body) {
    HttpRequest<Buffer> request =
        authenticated(client.postAbs(config.endpoint("/write")))
            .addQueryParam("db", config.destination().database())
            .putHeader("Content-Type", "text/plain; charset=utf-8");
    if (config.destination().retentionPolicy() != null) {
      request.addQueryParam("rp", config.destination().retentionPolicy());
    }
    return request.sendBuffer(body).recover(this::unreachable);
  }

  private Future<Void> createDatabase() {
    String database = config.destination().database();
    String statement = "CREATE DATABASE \"" + database.replace("\"", "\\\"") + "\"";
    return authenticated(client.postAbs(config.endpoint("/query")))
        .addQueryParam("q", statement)
        .send()
        .recover(this::unreachable)
        .compose(
            response -> {
              if (response.statusCode() / 100 != 2) {
                return Future.failedFuture(
                    new InfluxUnavailableException(
                        "InfluxDB refused to create database "
                            + database
                            + ": "
                            + response.statusCode()
                            + " "
                            + errorText(response)));
              }
              LOG.info("Created InfluxDB database {}", database);
              return Future.succeededFuture();
            });
  }

  private HttpRequest<Buffer> authenticated(HttpRequest<Buffer> request) {
    request.timeout(config.timeout().toMillis());
    var credentials = config.credentials();
    if (credentials.username() != null) {
      request.basicAuthentication(
          credentials.username(), credentials.password() == null ? "" : credentials.password());
    } else if (credentials.token() != null) {
      request.putHeader("Authorization", "Token " + credentials.token());
    }
    return request;
  }

  private Future<Void> outcome(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return Future.succeededFuture();
    }
    String reason = errorText(response);
    if (status == 400 || status == 413 || status == 422) {
      // logged once per batch where it is set aside (DeadLetterFile)
      LOG.debug("InfluxDB rejected points: {} {}", status, reason);
      return Future.failedFuture(new PointsRejectedException(reason));
    }
    return Future.failedFuture(
        new InfluxUnavailableException(
            "InfluxDB at " + config.url() + " answered " + status + ": " + reason));
  }

  private <T> Future<T> unreachable(Throwable e) {
    return Future.failedFuture(
        new InfluxUnavailableException(
            "InfluxDB at " + config.url() + " is unreachable: " + InfluxApiDetector.describe(e),
            e));
  }

  /** InfluxDB 1.x puts its reason in {@code {"error": "..."}}; fall back to the raw body. */
  static String errorText(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return response.statusMessage();
    }
    try {
      String error = new JsonObject(body).getString("error");
      if (error != null) {
        return error;
      }
    } catch (DecodeException | ClassCastException e) {
      // not JSON: the raw text is the best reason there is
    }
    return body.toString().strip();
  }
}
