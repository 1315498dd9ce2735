package io.ferry.demo;

import io.ferry.agent.CollectorReply;
import io.ferry.agent.RetryBackoff;
import io.ferry.testkit.SyntheticFleet;
import io.ferry.testkit.SyntheticWebTraffic;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * A fleet of simulated agents in this JVM, each with its own host name and token, pushing what an
 * agent on a database host with an access log and HTTP probes pushes ({@link SyntheticFleet} plus
 * {@link SyntheticWebTraffic}: 200 points) every interval as one gzip request to {@code
 * /api/v2/write}, the agents' turns spread evenly over the interval. Each agent sends its batches
 * in order, one request at a time, and waits as the agent does when the collector answers 503 or
 * 429 or does not answer ({@link RetryBackoff}: {@code Retry-After}, then full jitter); a batch
 * refused with another status is dropped and counted, as the agent drops it. One Vert.x web client
 * with a bounded connection pool carries every agent's requests.
 */
final class SimulatedFleet implements AutoCloseable {

  private static final String WRITE_PATH = "/api/v2/write?precision=ns";
  private static final int KEPT_REFUSALS = 5;

  private final FleetSettings settings;
  private final List<String> tokens;
  private final ResponseTimes times;
  private final SyntheticFleet shapes;
  private final Vertx vertx = Vertx.vertx();
  private final WebClient client;
  private final List<SimulatedAgent> agents;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "fleet-generator");
            thread.setDaemon(true);
            return thread;
          });

  private final AtomicLong generatedBatches = new AtomicLong();
  private final AtomicLong generatedPoints = new AtomicLong();
  private final AtomicLong acknowledgedBatches = new AtomicLong();
  private final AtomicLong acknowledgedPoints = new AtomicLong();
  private final AtomicLong droppedPoints = new AtomicLong();
  private final AtomicLong heldBatches = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong maxLateNanos = new AtomicLong();
  private final Queue<String> refusals = new ConcurrentLinkedQueue<>();
  private volatile boolean stopped;
  private volatile boolean closing;
  private long startMonotonic;
  private long startEpochNanos;
  private long ticks;

  SimulatedFleet(
      FleetSettings settings, int collectorPort, List<String> tokens, ResponseTimes times) {
    this.settings = settings;
    this.tokens = List.copyOf(tokens);
    this.times = times;
    this.shapes = SyntheticFleet.withSeries(settings.agents() * SyntheticFleet.SERIES_PER_HOST);
    this.client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(collectorPort)
                .setConnectTimeout((int) FleetSettings.REQUEST_TIMEOUT.toMillis()),
            new PoolOptions().setHttp1MaxSize(settings.connections()));
    this.agents = IntStream.range(0, settings.agents()).mapToObj(SimulatedAgent::new).toList();
  }

  /** Points in one agent's push. */
  static int pointsPerPush() {
    return SyntheticFleet.SERIES_PER_HOST + SyntheticWebTraffic.SERIES_PER_HOST;
  }

  /** Starts the pushes: agent {@code h} pushes at {@code h / agents} of every interval. */
  void start() {
    startMonotonic = System.nanoTime();
    Instant now = Instant.now();
    startEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    long periodNanos = FleetSettings.INTERVAL.toNanos() / settings.agents();
    scheduler.scheduleAtFixedRate(
        this::nextPush, 0, Math.max(1, periodNanos), TimeUnit.NANOSECONDS);
  }

  /** When the first push was due, in nanoseconds since the epoch. */
  long startEpochNanos() {
    return startEpochNanos;
  }

  private void nextPush() {
    if (stopped) {
      return;
    }
    long tick = ticks++;
    int h = (int) (tick % settings.agents());
    int round = (int) (tick / settings.agents());
    long offsetNanos = tick * FleetSettings.INTERVAL.toNanos() / settings.agents();
    maxLateNanos.accumulateAndGet(System.nanoTime() - (startMonotonic + offsetNanos), Math::max);
    long nanos = startEpochNanos + offsetNanos;
    String text =
        shapes.push(h, nanos, round, false)
            + SyntheticWebTraffic.push(SyntheticFleet.hostName(h), nanos, round);
    int points = (int) text.chars().filter(c -> c == '\n').count();
    generatedBatches.incrementAndGet();
    generatedPoints.addAndGet(points);
    heldBatches.incrementAndGet();
    agents.get(h).offer(new Batch(Buffer.buffer(gzip(text)), points));
  }

  /** Stops generating pushes; what the agents hold is still sent. */
  void stopGenerating() throws InterruptedException {
    stopped = true;
    scheduler.shutdown();
    if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the fleet's generator did not stop within 30 s");
    }
  }

  /**
   * Waits until every agent has delivered or dropped what it holds.
   *
   * @return whether it did within {@code limit}
   */
  boolean awaitDelivered(Duration limit) {
    return FleetWaits.until(limit, () -> heldBatches.get() == 0);
  }

  /**
   * Stops sending: from now on no batch is sent or sent again, and the requests in flight are
   * waited for, so that the collector receives nothing more once this returns true.
   *
   * @return whether no request was left in flight within {@code limit}
   */
  boolean stopSending(Duration limit) {
    closing = true;
    return FleetWaits.until(limit, () -> inFlight.get() == 0);
  }

  /**
   * Points of batches still undelivered of which a request got no answer: the collector may have
   * written them although no 204 counted them, so InfluxDB may hold them.
   */
  long unconfirmedPoints() {
    return agents.stream().mapToLong(SimulatedAgent::unconfirmedPoints).sum();
  }

  long generatedBatches() {
    return generatedBatches.get();
  }

  long generatedPoints() {
    return generatedPoints.get();
  }

  long acknowledgedBatches() {
    return acknowledgedBatches.get();
  }

  /** Points in batches the collector answered 204 to. */
  long acknowledgedPoints() {
    return acknowledgedPoints.get();
  }

  /** Points in batches the collector refused with a status the agent does not retry. */
  long droppedPoints() {
    return droppedPoints.get();
  }

  long heldBatches() {
    return heldBatches.get();
  }

  /** Most requests in flight at once: at the pool's size, requests queued in the client. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** The generator's largest delay behind its schedule, in milliseconds. */
  double maxLateMillis() {
    return maxLateNanos.get() / 1e6;
  }

  /** The first few refusals the agents dropped a batch for (status and message). */
  List<String> refusals() {
    return List.copyOf(refusals);
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    closing = true;
    scheduler.shutdownNow();
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  private record Batch(Buffer body, int points) {}

  /** One agent: its unsent batches in order, one request at a time. */
  private final class SimulatedAgent {
    private final int index;
    private final ArrayDeque<Batch> unsent = new ArrayDeque<>();
    private final RetryBackoff backoff = new RetryBackoff();
    private boolean sending;

    /** Whether a request for the head batch got no answer (timed out or failed). */
    private boolean headUnanswered;

    SimulatedAgent(int index) {
      this.index = index;
    }

    synchronized void offer(Batch batch) {
      unsent.add(batch);
      if (!sending) {
        sending = true;
        send(batch);
      }
    }

    private void send(Batch batch) {
      long sent = System.nanoTime();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      client
          .post(WRITE_PATH)
          .putHeader("Authorization", "Token " + tokens.get(index))
          .putHeader("Content-Type", "text/plain; charset=utf-8")
          .putHeader("Content-Encoding", "gzip")
          .timeout(FleetSettings.REQUEST_TIMEOUT.toMillis())
          .sendBuffer(batch.body())
          .onComplete(
              result -> {
                inFlight.decrementAndGet();
                long answered = System.nanoTime();
                if (result.succeeded()) {
                  answered(batch, sent, answered, result.result());
                } else {
                  times.record(sent, answered, ResponseTimes.NO_ANSWER);
                  unanswered();
                }
              });
    }

    private synchronized void answered(
        Batch batch, long sent, long answered, HttpResponse<Buffer> response) {
      int status = response.statusCode();
      times.record(sent, answered, status);
      if (status == 204) {
        backoff.succeeded();
        acknowledgedBatches.incrementAndGet();
        acknowledgedPoints.addAndGet(batch.points());
        done();
      } else if (status == 503 || status == 429) {
        retryLater(
            CollectorReply.parseRetryAfter(response.getHeader("Retry-After"), Instant.now()));
      } else {
        droppedPoints.addAndGet(batch.points());
        if (refusals.size() < KEPT_REFUSALS) {
          refusals.add("agent " + index + ": HTTP " + status + " " + response.bodyAsString());
        }
        done();
      }
    }

    private synchronized void unanswered() {
      headUnanswered = true;
      retryLater(Optional.empty());
    }

    /** The head batch is delivered or given up: send the next one, if any. */
    private void done() {
      unsent.poll();
      headUnanswered = false;
      heldBatches.decrementAndGet();
      Batch next = unsent.peek();
      if (next == null || closing) {
        sending = false;
      } else {
        send(next);
      }
    }

    synchronized long unconfirmedPoints() {
      return headUnanswered ? unsent.element().points() : 0;
    }

    private synchronized void retryLater(Optional<Duration> retryAfter) {
      long wait = backoff.failed(retryAfter);
      vertx.setTimer(Math.max(1, wait), id -> resend());
    }

    private synchronized void resend() {
      if (!closing) {
        send(unsent.peek());
      }
    }
  }

  private static byte[] gzip(String text) {
    var bytes = new ByteArrayOutputStream(text.length() / 4);
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
