package io.ferry.agent;

import io.ferry.agent.spool.Spool;
import io.ferry.agent.spool.SpoolEntry;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves points to the collector through the {@link Spool}: each tick's points are encoded into
 * batches of at most {@code batchMaxPoints}, written to the spool (forced to disk) and only then
 * sent. A batch leaves the spool when the collector accepted it (2xx) or refused its lines for good
 * (400, where retrying cannot help); after no answer, 5xx or 401/403 it stays, and the next request
 * waits for {@link RetryBackoff} (a timer, not the ticks); after 413 it is sent in halves and later
 * batches are smaller.
 *
 * <p>Order: the newest tick's batches go first; then the backlog, oldest first, consecutive batches
 * joined into requests of up to {@code batchMaxPoints}, at most {@code replayPointsPerSecond} so a
 * collector that just came back is not flooded by a fleet's backlog; and each new tick's batches go
 * ahead of the backlog again, so the live view never waits behind the backlog. One request at a
 * time.
 *
 * <p>Confined to the event loop that calls it; encoding and spool I/O run on the worker pool.
 */
public final class PushPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(PushPipeline.class);

  private enum CollectorState {
    ACCEPTING,
    REFUSING_TOKEN,
    FAILING
  }

  /** One request's worth: one spooled batch, or several consecutive backlog batches joined. */
  private record Batch(List<SpoolEntry> entries, byte[] body) {
    int points() {
      return entries.stream().mapToInt(SpoolEntry::points).sum();
    }
  }

  private record Delivery(PushOutcome outcome, String description, Optional<Duration> retryAfter) {}

  private enum StepKind {
    SENT,
    IDLE,
    WAIT_FOR_REPLAY_RATE,
    FAILED
  }

  private record Step(StepKind kind, long delayMillis) {
    static final Step SENT = new Step(StepKind.SENT, 0);
    static final Step IDLE = new Step(StepKind.IDLE, 0);
  }

  private final Vertx vertx;
  private final Spool spool;
  private final CollectorClient client;
  private final WorkerExecutor workers;
  private final RetryBackoff backoff;
  private final int replayPointsPerSecond;
  private final ArrayDeque<Batch> live = new ArrayDeque<>();
  private int batchLimit;
  private CollectorState state = CollectorState.ACCEPTING;
  private boolean sending;
  private boolean flushing;
  private boolean abandoned;
  private Future<Void> idle = Future.succeededFuture();
  private long retryTimer = -1;
  private long replayTimer = -1;
  private long nextBacklogAtMillis = Long.MIN_VALUE;
  private long batchesSent;
  private long batchesFailed;
  private long batchesRefused;
  private long pointsSent;
  private long pointsRefused;

  /**
   * @param vertx for the retry and replay timers
   * @param spool where batches wait until acknowledged
   * @param client sends the requests
   * @param workers the worker pool that encodes batches and does the spool's file I/O
   * @param batchMaxPoints the most points in one request
   * @param replayPointsPerSecond the rate at which a backlog is sent
   * @param backoff spaces out requests while the collector fails
   */
  public PushPipeline(
      Vertx vertx,
      Spool spool,
      CollectorClient client,
      WorkerExecutor workers,
      int batchMaxPoints,
      int replayPointsPerSecond,
      RetryBackoff backoff) {
    this.vertx = vertx;
    this.spool = spool;
    this.client = client;
    this.workers = workers;
    this.batchLimit = batchMaxPoints;
    this.replayPointsPerSecond = replayPointsPerSecond;
    this.backoff = backoff;
  }

  /**
   * Encodes the points into batches and writes them to the spool; they become the newest batches,
   * sent first by the next {@link #pump()}. Completes once they are in the spool.
   */
  public Future<Void> offer(List<Point> points) {
    if (points.isEmpty()) {
      return Future.succeededFuture();
    }
    int limit = batchLimit;
    return workers
        .executeBlocking(
            () -> {
              List<Batch> batches = new ArrayList<>();
              for (int from = 0; from < points.size(); from += limit) {
                List<Point> part = points.subList(from, Math.min(points.size(), from + limit));
                byte[] body = LineProtocolGzip.encode(part);
                batches.add(new Batch(List.of(spool.append(part.size(), body)), body));
              }
              return batches;
            },
            true)
        .map(
            batches -> {
              // Newest first: unsent batches of earlier ticks wait in the backlog from now on.
              live.clear();
              live.addAll(batches);
              return null;
            });
  }

  /**
   * Starts sending unless a request runs, the backoff says to wait, or only backlog waits for its
   * rate. Returns at once; sending goes on by itself until the spool is empty or a request fails.
   */
  public void pump() {
    if (sending || flushing || retryTimer >= 0) {
      return;
    }
    if (replayTimer >= 0) {
      if (live.isEmpty()) {
        return;
      }
      vertx.cancelTimer(replayTimer);
      replayTimer = -1;
    }
    sending = true;
    Promise<Void> done = Promise.promise();
    idle = done.future();
    next()
        .onComplete(
            result -> {
              sending = false;
              done.complete();
              Step step = result.succeeded() ? result.result() : unexpected(result.cause());
              switch (step.kind()) {
                case SENT -> pump();
                case IDLE -> {}
                case WAIT_FOR_REPLAY_RATE ->
                    replayTimer =
                        vertx.setTimer(
                            Math.max(1, step.delayMillis()),
                            id -> {
                              replayTimer = -1;
                              pump();
                            });
                case FAILED ->
                    retryTimer =
                        vertx.setTimer(
                            Math.max(1, step.delayMillis()),
                            id -> {
                              retryTimer = -1;
                              pump();
                            });
              }
            });
  }

  /**
   * Waits for a running request, then sends everything in the spool once, ignoring the backoff but
   * keeping the replay rate, until it is empty, a request fails, or {@link #stop()} is called.
   */
  public Future<PushResult> flush() {
    flushing = true;
    abandoned = false;
    cancelTimers();
    long refusedBefore = batchesRefused;
    return idle.transform(ignored -> drain())
        .map(
            result ->
                result == PushResult.DELIVERED && batchesRefused > refusedBefore
                    ? PushResult.PARTLY_REJECTED
                    : result)
        .onComplete(ignored -> flushing = false);
  }

  /**
   * Stops the timers and a running {@link #flush()} at its next batch; batches stay in the spool.
   */
  public void stop() {
    flushing = true;
    abandoned = true;
    cancelTimers();
  }

  public PushStats stats() {
    return new PushStats(
        spool.stats(), batchesSent, batchesFailed, batchesRefused, pointsSent, pointsRefused);
  }

  private Future<PushResult> drain() {
    if (abandoned) {
      return Future.succeededFuture(PushResult.FAILED);
    }
    return next()
        .compose(
            step ->
                switch (step.kind()) {
                  case SENT -> drain();
                  case IDLE -> Future.succeededFuture(PushResult.DELIVERED);
                  case WAIT_FOR_REPLAY_RATE -> {
                    Promise<Void> waited = Promise.promise();
                    vertx.setTimer(step.delayMillis(), id -> waited.complete());
                    yield waited.future().compose(ignored -> drain());
                  }
                  case FAILED -> Future.succeededFuture(PushResult.FAILED);
                });
  }

  private Future<Step> next() {
    Batch newest = live.pollFirst();
    if (newest != null) {
      return send(newest, false);
    }
    long now = nowMillis();
    if (now < nextBacklogAtMillis) {
      return Future.succeededFuture(
          new Step(StepKind.WAIT_FOR_REPLAY_RATE, nextBacklogAtMillis - now));
    }
    int limit = batchLimit;
    return workers
        .executeBlocking(() -> readBacklog(limit), false)
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.succeededFuture(Step.IDLE);
              }
              // Unreadable batches were dropped and logged by the spool: go on with the next.
              return found.get().entries().isEmpty()
                  ? Future.succeededFuture(Step.SENT)
                  : send(found.get(), true);
            });
  }

  /**
   * The oldest backlog batches, joined into one request of at most {@code maxPoints} points (or one
   * batch, if larger), so a long backlog does not cost one round trip per interval. Empty when the
   * spool is; a batch without entries when none could be read back.
   */
  private Optional<Batch> readBacklog(int maxPoints) {
    List<SpoolEntry> oldest = spool.oldest(maxPoints);
    if (oldest.isEmpty()) {
      return Optional.empty();
    }
    List<SpoolEntry> entries = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (SpoolEntry entry : oldest) {
      spool
          .read(entry.id())
          .ifPresent(
              body -> {
                entries.add(entry);
                bodies.add(body);
              });
    }
    byte[] body = bodies.size() == 1 ? bodies.get(0) : LineProtocolGzip.join(bodies);
    return Optional.of(new Batch(entries, body));
  }

  private Future<Step> send(Batch batch, boolean backlog) {
    return deliver(batch.body()).compose(delivery -> settle(batch, delivery, backlog));
  }

  private Future<Delivery> deliver(byte[] body) {
    return client
        .write(body)
        .transform(
            answer -> {
              if (answer.failed()) {
                return Future.succeededFuture(
                    new Delivery(
                        PushOutcome.RETRY,
                        "no answer: " + describe(answer.cause()),
                        Optional.empty()));
              }
              CollectorReply reply = answer.result();
              if (reply.outcome() == PushOutcome.TOO_LARGE) {
                return deliverInHalves(body, reply);
              }
              return Future.succeededFuture(
                  new Delivery(reply.outcome(), reply.describe(), reply.retryAfter()));
            });
  }

  private Future<Delivery> deliverInHalves(byte[] body, CollectorReply reply) {
    return workers
        .executeBlocking(
            () ->
                LineProtocolGzip.lineCount(body) > 1
                    ? LineProtocolGzip.splitInHalves(body)
                    : List.<byte[]>of(),
            false)
        .compose(
            halves -> {
              if (halves.isEmpty()) {
                return Future.succeededFuture(
                    new Delivery(
                        PushOutcome.REJECTED,
                        reply.describe() + " for a single line",
                        Optional.empty()));
              }
              batchLimit = Math.max(1, batchLimit / 2);
              LOG.warn(
                  "collector: a batch is too large ({}); sending it in halves, and at most {}"
                      + " points per batch from now on",
                  reply.describe(),
                  batchLimit);
              return deliver(halves.get(0))
                  .compose(
                      first ->
                          first.outcome() == PushOutcome.ACCEPTED
                                  || first.outcome() == PushOutcome.REJECTED
                              ? deliver(halves.get(1)).map(second -> worse(first, second))
                              : Future.succeededFuture(first));
            });
  }

  /** A retry beats a refusal, which beats an acceptance. */
  private static Delivery worse(Delivery first, Delivery second) {
    if (second.outcome() != PushOutcome.ACCEPTED) {
      return second;
    }
    return first;
  }

  private Future<Step> settle(Batch batch, Delivery delivery, boolean backlog) {
    int points = batch.points();
    switch (delivery.outcome()) {
      case ACCEPTED -> {
        batchesSent++;
        pointsSent += points;
        backoff.succeeded();
        enter(CollectorState.ACCEPTING, "");
        if (backlog) {
          nextBacklogAtMillis = nowMillis() + points * 1000L / replayPointsPerSecond;
        }
        return ack(batch);
      }
      case REJECTED -> {
        batchesRefused++;
        pointsRefused += points;
        LOG.warn(
            "collector refused a batch of {} points ({}); dropped it. {} points refused since the"
                + " agent started",
            points,
            delivery.description(),
            pointsRefused);
        return ack(batch);
      }
      default -> {
        batchesFailed++;
        if (delivery.outcome() == PushOutcome.UNAUTHORIZED) {
          enter(
              CollectorState.REFUSING_TOKEN,
              "refused the agent's token ("
                  + delivery.description()
                  + "); check collector.token. Batches are kept in the spool until it is accepted");
        } else {
          enter(CollectorState.FAILING, delivery.description());
        }
        return Future.succeededFuture(
            new Step(StepKind.FAILED, backoff.failed(delivery.retryAfter())));
      }
    }
  }

  private Future<Step> ack(Batch batch) {
    return workers.executeBlocking(
        () -> {
          batch.entries().forEach(entry -> spool.ack(entry.id()));
          return Step.SENT;
        },
        false);
  }

  private void enter(CollectorState next, String why) {
    if (next == state) {
      return;
    }
    state = next;
    switch (next) {
      case ACCEPTING ->
          LOG.info(
              "collector {} accepts batches again; {} waiting in the spool are sent at up to {}"
                  + " points/s",
              client.writeUri(),
              spool.stats().batches(),
              replayPointsPerSecond);
      case REFUSING_TOKEN -> LOG.error("collector {}: {}", client.writeUri(), why);
      case FAILING ->
          LOG.warn(
              "collector {} unavailable ({}); batches are kept in the spool ({} waiting) and"
                  + " retried",
              client.writeUri(),
              why,
              spool.stats().batches());
    }
  }

  private Step unexpected(Throwable cause) {
    LOG.error("sending failed unexpectedly: {}", describe(cause));
    return new Step(StepKind.FAILED, backoff.failed(Optional.empty()));
  }

  private void cancelTimers() {
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
    }
    if (replayTimer >= 0) {
      vertx.cancelTimer(replayTimer);
      replayTimer = -1;
    }
  }

  private static long nowMillis() {
    return System.nanoTime() / 1_000_000;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
