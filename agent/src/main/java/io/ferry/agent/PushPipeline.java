package io.ferry.agent;

import io.ferry.lineprotocol.Point;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves buffered points to the collector, at most {@code batchMaxPoints} per request, oldest first.
 * A batch leaves the buffer for good only when the collector accepted it (2xx) or refused its lines
 * (400, where retrying cannot help); on 401/403, 5xx or no answer it goes back to the buffer and
 * the next attempt waits for {@link PushBackoff}; on 413 it is split in halves. Only one push runs
 * at a time.
 *
 * <p>Confined to the event loop that calls it; encoding runs on the given worker pool.
 */
public final class PushPipeline {

  private static final Logger LOG = LoggerFactory.getLogger(PushPipeline.class);

  private enum CollectorState {
    ACCEPTING,
    REFUSING_TOKEN,
    FAILING
  }

  private final PointBuffer buffer;
  private final CollectorClient client;
  private final WorkerExecutor encoder;
  private final PushBackoff backoff = new PushBackoff();
  private int batchLimit;
  private Future<PushResult> inFlight = Future.succeededFuture(PushResult.DELIVERED);
  private CollectorState state = CollectorState.ACCEPTING;
  private long rejectedPoints;
  private long pushErrors;
  private long pushedPoints;

  /**
   * @param buffer where points wait
   * @param client sends the requests
   * @param encoder the worker pool that serializes and compresses batches
   * @param batchMaxPoints the most points in one request
   */
  public PushPipeline(
      PointBuffer buffer, CollectorClient client, WorkerExecutor encoder, int batchMaxPoints) {
    this.buffer = buffer;
    this.client = client;
    this.encoder = encoder;
    this.batchLimit = batchMaxPoints;
  }

  /** Adds points to the buffer; the oldest are dropped if it overflows. */
  public void offer(List<Point> points) {
    buffer.addAll(points);
  }

  /** Sends what is buffered, unless a push is running or the backoff says to wait. */
  public Future<PushResult> push() {
    if (!inFlight.isComplete()) {
      return Future.succeededFuture(PushResult.BUSY);
    }
    if (backoff.skipThisTick()) {
      return Future.succeededFuture(PushResult.BACKING_OFF);
    }
    return start();
  }

  /** Waits for a running push, then sends what is left once, ignoring the backoff. */
  public Future<PushResult> flush() {
    return inFlight.transform(previous -> start());
  }

  public PushStats stats() {
    return new PushStats(
        buffer.size(), buffer.dropped() + rejectedPoints, pushErrors, pushedPoints);
  }

  private Future<PushResult> start() {
    inFlight = sendBatches(false);
    return inFlight;
  }

  private Future<PushResult> sendBatches(boolean rejectedSoFar) {
    if (buffer.isEmpty()) {
      return Future.succeededFuture(
          rejectedSoFar ? PushResult.PARTLY_REJECTED : PushResult.DELIVERED);
    }
    List<Point> batch = buffer.takeOldest(batchLimit);
    return encoder
        .executeBlocking(() -> LineProtocolGzip.encode(batch), false)
        .compose(client::write)
        .transform(reply -> handle(batch, reply, rejectedSoFar));
  }

  private Future<PushResult> handle(
      List<Point> batch, AsyncResult<CollectorReply> answer, boolean rejectedSoFar) {
    if (answer.failed()) {
      return keepForLater(batch, CollectorState.FAILING, "no answer: " + describe(answer.cause()));
    }
    CollectorReply reply = answer.result();
    return switch (reply.outcome()) {
      case ACCEPTED -> {
        pushedPoints += batch.size();
        backoff.succeeded();
        enter(CollectorState.ACCEPTING, "");
        yield sendBatches(rejectedSoFar);
      }
      case REJECTED -> {
        dropRejected(batch, reply);
        yield sendBatches(true);
      }
      case TOO_LARGE -> {
        pushErrors++;
        if (batch.size() == 1) {
          dropRejected(batch, reply);
          yield sendBatches(true);
        }
        batchLimit = Math.max(1, batch.size() / 2);
        buffer.putBack(batch);
        LOG.warn(
            "collector: a batch of {} points is too large (HTTP 413); sending at most {} per request",
            batch.size(),
            batchLimit);
        yield sendBatches(rejectedSoFar);
      }
      case UNAUTHORIZED ->
          keepForLater(
              batch,
              CollectorState.REFUSING_TOKEN,
              "refused the agent's token ("
                  + reply.describe()
                  + "); check collector.token. Points are kept until it is accepted");
      case RETRY -> keepForLater(batch, CollectorState.FAILING, reply.describe());
    };
  }

  private Future<PushResult> keepForLater(List<Point> batch, CollectorState failure, String why) {
    pushErrors++;
    buffer.putBack(batch);
    backoff.failed();
    enter(failure, why);
    return Future.succeededFuture(PushResult.FAILED);
  }

  private void dropRejected(List<Point> batch, CollectorReply reply) {
    rejectedPoints += batch.size();
    if (reply.status() == 400) {
      pushErrors++;
    }
    LOG.warn("collector refused {} points ({}), dropped them", batch.size(), reply.describe());
  }

  private void enter(CollectorState next, String why) {
    if (next == state) {
      return;
    }
    state = next;
    switch (next) {
      case ACCEPTING -> LOG.info("collector {} accepts points again", client.writeUri());
      case REFUSING_TOKEN -> LOG.error("collector {}: {}", client.writeUri(), why);
      case FAILING ->
          LOG.warn(
              "collector {} unavailable, keeping {} points and retrying: {}",
              client.writeUri(),
              buffer.size(),
              why);
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
