package io.ferry.collector.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.tls.InfluxTlsOptions;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes points with {@code POST /api/v2/write} through influxdb-client-java's blocking write API,
 * run on a named worker pool so the event loop never waits for InfluxDB.
 */
public final class InfluxV2ClientWriter implements PointWriter {

  private static final Logger LOG = LoggerFactory.getLogger(InfluxV2ClientWriter.class);

  /** Name of the worker pool the blocking writes run on. */
  public static final String WORKER_POOL = "ferry-influx-v2-writer";

  private static final int WORKER_THREADS = 4;

  private final InfluxConfig config;
  private final InfluxDBClient client;
  private final WriteApiBlocking writeApi;
  private final WorkerExecutor workers;

  public InfluxV2ClientWriter(Vertx vertx, InfluxConfig config) {
    this.config = config;
    long timeoutMillis = config.timeout().toMillis();
    var http =
        new OkHttpClient.Builder()
            .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    if ("https".equalsIgnoreCase(config.url().getScheme())) {
      InfluxTlsOptions.OkHttpTls tls;
      try {
        tls = InfluxTlsOptions.okHttp(vertx, config.tls());
      } catch (Exception e) {
        throw new IllegalArgumentException("influxdb.tls: " + e.getMessage(), e);
      }
      http.sslSocketFactory(tls.context().getSocketFactory(), tls.trustManager());
      if (!tls.verify()) {
        http.hostnameVerifier((host, session) -> true);
      }
    }
    var options =
        InfluxDBClientOptions.builder()
            .url(config.url().toString())
            .org(config.destination().v2Org())
            .bucket(config.destination().v2Bucket())
            .okHttpClient(http);
    config
        .credentials()
        .v2Token()
        .ifPresent(token -> options.authenticateToken(token.toCharArray()));
    this.client = InfluxDBClientFactory.create(options.build());
    this.writeApi = client.getWriteApiBlocking();
    // a write may take the whole timeout; the pool must not flag it as blocked before that
    this.workers =
        vertx.createSharedWorkerExecutor(
            WORKER_POOL, WORKER_THREADS, 2 * timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public Future<Void> write(List<Point> points) {
    if (points.isEmpty()) {
      return Future.succeededFuture();
    }
    String bucket = config.destination().v2Bucket();
    String org = config.destination().v2Org();
    return workers
        .<Void>executeBlocking(
            () -> {
              // Encoded here, on the worker, not on the event loop that called.
              List<String> lines = points.stream().map(LineProtocolWriter::toLine).toList();
              writeApi.writeRecords(bucket, org, WritePrecision.NS, lines);
              return null;
            },
            false)
        .recover(e -> Future.failedFuture(translate(e)));
  }

  private RuntimeException translate(Throwable e) {
    if (e instanceof InfluxException influx && influx.status() > 0) {
      int status = influx.status();
      if (status == 400 || status == 413 || status == 422) {
        // logged once per batch where it is set aside (DeadLetterFile)
        LOG.debug("InfluxDB rejected points: {} {}", status, influx.getMessage());
        return new PointsRejectedException(influx.getMessage());
      }
      return new InfluxUnavailableException(
          "InfluxDB at " + config.url() + " answered " + status + ": " + influx.getMessage(), e);
    }
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return new InfluxUnavailableException(
        "InfluxDB at " + config.url() + " is unreachable: " + InfluxApiDetector.describe(cause), e);
  }

  @Override
  public Future<Void> close() {
    client.close();
    return workers.close();
  }
}
