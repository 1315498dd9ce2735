package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.AuthConfig;
import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.InfluxCredentials;
import io.ferry.collector.config.InfluxDestination;
import io.ferry.collector.config.IngestConfig;
import io.ferry.collector.config.ListenConfig;
import io.ferry.collector.ingest.ErrorReplies;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link #AGENTS} simulated agents (2,000 unless {@code -Dferry.fleetReturnTest.agents=N}) (one
 * JVM, each its own token, gzip line protocol, the agent's retry rule: the collector's {@code
 * Retry-After}, then full jitter over an exponential ceiling) write through the collector into a
 * real InfluxDB 1.6.7, which is stopped while every agent has a backlog and started again, so the
 * whole fleet comes back at once. Every point arrives exactly once, the collector never holds more
 * than its bound of pending points, and every 503 carries a {@code Retry-After} in the documented
 * range.
 */
class FleetReturnAfterOutageTest {

  private static final Logger LOG = LoggerFactory.getLogger(FleetReturnAfterOutageTest.class);
  private static final int AGENTS = Integer.getInteger("ferry.fleetReturnTest.agents", 2_000);
  private static final int BATCHES_PER_AGENT = 4;
  private static final int POINTS_PER_BATCH = 50;
  private static final int MAX_PENDING = 4_000;
  private static final String DATABASE = "fleet_return";
  private static final Duration OUTAGE = Duration.ofSeconds(5);

  @TempDir Path dir;
  private LocalInfluxDb influx;
  private final Vertx collectorVertx = Vertx.vertx();
  private final Vertx fleetVertx = Vertx.vertx();

  @AfterEach
  void stop() {
    fleetVertx.close().await();
    collectorVertx.close().await();
    if (influx != null) {
      influx.close();
    }
  }

  @Test
  void aWholeFleetReturningAfterAnOutageLosesNothingAndThePendingPointsStayBounded()
      throws Exception {
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    influx.createDatabase(DATABASE);
    try (TcpRelay relay = TcpRelay.start(collectorVertx, influx.port())) {
      var collector = new CollectorVerticle(config(relay.url()));
      collectorVertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
      var pendingPeak = new AtomicInteger();
      long sampler =
          collectorVertx.setPeriodic(
              2, id -> pendingPeak.accumulateAndGet(collector.pendingPoints(), Math::max));
      WebClient client =
          WebClient.create(
              fleetVertx,
              new WebClientOptions()
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(collector.actualPort()),
              new PoolOptions().setHttp1MaxSize(AGENTS));
      long base = (System.currentTimeMillis() - 60_000) * 1_000_000;
      List<SimulatedAgent> fleet =
          IntStream.range(0, AGENTS)
              .mapToObj(i -> new SimulatedAgent(i, base, fleetVertx, client))
              .toList();

      // Every agent delivers its first batch, then InfluxDB stops while each holds a backlog.
      Future.all(fleet.stream().map(agent -> agent.send(0, 1)).toList())
          .await(120, TimeUnit.SECONDS);
      influx.close();
      List<Future<Void>> backlogs =
          fleet.stream().map(agent -> agent.send(1, BATCHES_PER_AGENT)).toList();
      Thread.sleep(OUTAGE.toMillis()); // the outage's length, not a synchronisation
      influx = LocalInfluxDb.start(dir.resolve("influx"));
      relay.retarget(influx.port());
      long influxBack = System.currentTimeMillis();
      Future.all(backlogs).await(120, TimeUnit.SECONDS);
      long drainedMillis = System.currentTimeMillis() - influxBack;
      collectorVertx.cancelTimer(sampler);

      var refusals = fleet.stream().mapToInt(agent -> agent.unavailable).sum();
      var bufferFull = fleet.stream().mapToInt(agent -> agent.bufferFull).sum();
      LOG.info(
          "{} agents: every backlog stored {} ms after InfluxDB came back; {} answers 503 ({}"
              + " because the collector's buffer was full), pending peak {} points (bound {})",
          AGENTS,
          drainedMillis,
          refusals,
          bufferFull,
          pendingPeak.get(),
          MAX_PENDING);
      assertThat(refusals).as("503 answers while InfluxDB was down").isGreaterThanOrEqualTo(AGENTS);
      assertThat(fleet).allSatisfy(agent -> assertThat(agent.badRetryAfter).isEmpty());
      assertThat(pendingPeak.get()).isPositive().isLessThanOrEqualTo(MAX_PENDING);
      List<Map<String, Object>> counts =
          influx.queryRows(DATABASE, "SELECT count(v) FROM fleet GROUP BY host");
      assertThat(counts).hasSize(AGENTS);
      assertThat(counts)
          .allSatisfy(
              row ->
                  assertThat(((Number) row.get("count")).longValue())
                      .isEqualTo(BATCHES_PER_AGENT * POINTS_PER_BATCH));
    }
  }

  private CollectorConfig config(String influxUrl) {
    List<ApiToken> tokens =
        IntStream.range(0, AGENTS).mapToObj(i -> new ApiToken("agent-" + i, token(i))).toList();
    return new CollectorConfig(
        new ListenConfig("127.0.0.1", 0),
        new AuthConfig(tokens),
        new IngestConfig(TestConfigs.MAX_BODY_BYTES),
        new InfluxConfig(
            URI.create(influxUrl),
            InfluxApi.V1,
            Duration.ofSeconds(2),
            new InfluxDestination(DATABASE, null, null, null, true),
            InfluxCredentials.none(),
            new BatchingConfig(
                1_000, BatchingConfig.DEFAULT_FLUSH_INTERVAL, MAX_PENDING, 2, dir.resolve("dl"))));
  }

  private static String token(int agent) {
    return "fleet-token-" + agent;
  }

  /**
   * One agent: its batches in order, each sent until the collector takes it, waiting between tries
   * as the agent does (Retry-After, then full jitter: uniform in [0, min(4 s, 250 ms x 2^n)]).
   */
  private static final class SimulatedAgent {
    final int index;
    final Vertx vertx;
    final WebClient client;
    final List<Buffer> bodies = new ArrayList<>();
    final List<String> badRetryAfter = new ArrayList<>();
    int unavailable;
    int bufferFull;
    int failures;

    SimulatedAgent(int index, long baseNanos, Vertx vertx, WebClient client) {
      this.index = index;
      this.vertx = vertx;
      this.client = client;
      for (int b = 0; b < BATCHES_PER_AGENT; b++) {
        var lines = new StringBuilder();
        for (int p = 0; p < POINTS_PER_BATCH; p++) {
          long t = baseNanos + (long) (b * POINTS_PER_BATCH + p) * 1_000_000;
          lines.append("fleet,host=h").append(index).append(" v=").append(p).append("i ");
          lines.append(t).append('\n');
        }
        bodies.add(Buffer.buffer(gzip(lines.toString())));
      }
    }

    /** Sends batches {@code from} (inclusive) to {@code to} (exclusive), each until taken. */
    Future<Void> send(int from, int to) {
      Promise<Void> done = Promise.promise();
      send(from, to, done);
      return done.future();
    }

    private void send(int batch, int to, Promise<Void> done) {
      if (batch == to) {
        done.complete();
        return;
      }
      client
          .post("/write?precision=ns")
          .putHeader("Authorization", "Token " + token(index))
          .putHeader("Content-Encoding", "gzip")
          .sendBuffer(bodies.get(batch))
          .onComplete(
              result -> {
                if (result.succeeded() && result.result().statusCode() == 204) {
                  failures = 0;
                  send(batch + 1, to, done);
                } else if (result.succeeded() && result.result().statusCode() == 503) {
                  retryLater(batch, to, done, result.result());
                } else {
                  done.fail(
                      "agent "
                          + index
                          + ": "
                          + (result.succeeded()
                              ? result.result().statusCode() + " " + result.result().bodyAsString()
                              : result.cause().toString()));
                }
              });
    }

    private void retryLater(int batch, int to, Promise<Void> done, HttpResponse<Buffer> response) {
      unavailable++;
      if (response.bodyAsString().contains("points waiting for InfluxDB")) {
        bufferFull++;
      }
      String header = response.getHeader("Retry-After");
      long retryAfterSeconds = 0;
      try {
        retryAfterSeconds = Long.parseLong(header);
      } catch (NumberFormatException e) {
        badRetryAfter.add(String.valueOf(header));
      }
      if (retryAfterSeconds < ErrorReplies.RETRY_AFTER_MIN
          || retryAfterSeconds > ErrorReplies.RETRY_AFTER_MAX) {
        badRetryAfter.add(String.valueOf(header));
      }
      failures = Math.min(failures + 1, 30);
      long ceiling = Math.min(4_000, 250L << Math.min(failures - 1, 20));
      long wait =
          retryAfterSeconds * 1000 + (long) (ThreadLocalRandom.current().nextDouble() * ceiling);
      vertx.setTimer(Math.max(1, wait), id -> send(batch, to, done));
    }
  }

  private static byte[] gzip(String text) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
