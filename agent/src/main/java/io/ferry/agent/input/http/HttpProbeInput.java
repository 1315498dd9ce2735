package io.ferry.agent.input.http;

import io.ferry.agent.input.Accumulator;
import io.ferry.agent.input.Input;
import io.ferry.agent.input.StreamingInput;
import io.ferry.agent.input.histogram.LatencyHistogram;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.resolver.NameResolver;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP probe of {@code inputs.http}: probes on the event loop at its own interval (the first
 * time when it starts) and keeps the results until the next collection, which writes one {@code
 * http_probe} point per result, the cumulative {@code http_probe_duration} histogram of total times
 * and the cumulative {@code http_probes} counters. A probe still running when the next is due makes
 * that one skipped, never overlapped.
 */
public final class HttpProbeInput implements Input, StreamingInput {

  /** The histogram of total probe times, timeouts included (as the timeout). */
  public static final String DURATION_MEASUREMENT = "http_probe_duration";

  /** Cumulative counters: {@code total}, {@code ok}, {@code skipped}. */
  public static final String COUNT_MEASUREMENT = "http_probes";

  /** Results kept between two collections at most; past it the oldest are dropped. */
  static final int MAX_PENDING = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(HttpProbeInput.class);

  private final HttpProbeConfig config;
  private final Clock clock;
  private final Map<String, String> tags;
  private final LatencyHistogram histogram;
  private final Deque<ProbeResult> pending = new ArrayDeque<>();
  private final AtomicLong total = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private Vertx vertx;
  private HttpClientAgent client;
  private HttpProber prober;
  private long timerId = -1;
  private boolean probing;

  public HttpProbeInput(HttpProbeConfig config) {
    this(config, Clock.systemUTC());
  }

  HttpProbeInput(HttpProbeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    var all = new TreeMap<>(config.tags());
    all.put("probe", config.name());
    this.tags = Map.copyOf(all);
    this.histogram = new LatencyHistogram(config.buckets());
  }

  @Override
  public String name() {
    return "http:" + config.name();
  }

  /** Starts probing; completes when the first probe has finished (at most its timeout). */
  @Override
  public Future<Void> start(Vertx vertx) {
    this.vertx = vertx;
    var handshakes = new PendingHandshake();
    client = vertx.createHttpClient(HttpProber.clientOptions(handshakes));
    // Vert.x's own resolver, the one its client would use, so that resolving can be timed alone.
    NameResolver resolver = ((VertxInternal) vertx).nameResolver();
    prober = new HttpProber(client, resolver::resolve, handshakes, config, clock);
    Promise<Void> firstProbe = Promise.promise();
    vertx.runOnContext(
        ignored -> {
          probeOnce().onComplete(done -> firstProbe.tryComplete());
          long interval = config.interval().toMillis();
          timerId = vertx.setPeriodic(interval, interval, id -> probeOnce());
        });
    return firstProbe.future();
  }

  @Override
  public Future<Void> stop() {
    if (vertx == null) {
      return Future.succeededFuture();
    }
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    return client.close().otherwiseEmpty();
  }

  /** Runs on the event loop. */
  private Future<Void> probeOnce() {
    if (probing) {
      skipped.incrementAndGet();
      return Future.succeededFuture();
    }
    probing = true;
    return prober
        .probe()
        .map(
            result -> {
              probing = false;
              record(result);
              return null;
            });
  }

  private void record(ProbeResult result) {
    result.total().ifPresent(histogram::record);
    total.incrementAndGet();
    if (result.success()) {
      ok.incrementAndGet();
    }
    synchronized (pending) {
      if (pending.size() == MAX_PENDING) {
        pending.removeFirst();
        LOG.warn(
            "{}: more than {} results between collections; dropped the oldest",
            name(),
            MAX_PENDING);
      }
      pending.addLast(result);
    }
  }

  /**
   * Writes the results since the last collection and the cumulative histogram and counters. A probe
   * that could not reach its target (no connection, TLS refused, timeout) is also reported as an
   * error of this input; a wrong status or body is a result, not an input error.
   */
  @Override
  public void collect(Accumulator accumulator) {
    List<ProbeResult> results;
    synchronized (pending) {
      results = new ArrayList<>(pending);
      pending.clear();
    }
    for (ProbeResult result : results) {
      accumulator.add(result.toPoint(tags));
      result
          .failure()
          .filter(ProbeFailure::unreachable)
          .ifPresent(
              failure ->
                  accumulator.addError(
                      "probe " + config.url(),
                      new ProbeFailedException(result.error().orElse(failure.fieldValue()))));
    }
    accumulator.add(histogram.snapshot().toPoint(DURATION_MEASUREMENT, tags));
    accumulator.add(
        Point.builder(COUNT_MEASUREMENT)
            .tags(tags)
            .field("total", total.get())
            .field("ok", ok.get())
            .field("skipped", skipped.get())
            .build());
  }

  /** Stops probing; waits for the client to close (called on a worker). */
  @Override
  public void close() {
    try {
      stop()
          .toCompletionStage()
          .toCompletableFuture()
          .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.debug("{}: closing the client did not finish: {}", name(), e.toString());
    }
  }

  /** A probe that could not reach its target, as reported to the agent. */
  static final class ProbeFailedException extends Exception {
    ProbeFailedException(String message) {
      super(message, null, false, false);
    }
  }
}
