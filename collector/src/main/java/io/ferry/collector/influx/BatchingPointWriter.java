package io.ferry.collector.influx;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Coalesces points from concurrent callers into batches of at most {@code maxPoints}, written as
 * soon as a batch is full or {@code flushInterval} after the oldest waiting point arrived. Each
 * caller's future completes when all of its own points are written, or fails with the failure of
 * any of its batches.
 *
 * <p>When InfluxDB rejects a batch that holds points of several callers, each caller's share is
 * written again on its own, so only the caller whose points are bad sees the rejection (writes are
 * idempotent, so the points InfluxDB already took are not duplicated).
 *
 * <p>At most {@code maxPendingPoints} are held, waiting or in flight; a call that would exceed the
 * bound fails at once with {@link InfluxUnavailableException}. Thread-safe.
 */
public final class BatchingPointWriter implements PointWriter {

  private final Vertx vertx;
  private final PointWriter target;
  private final BatchingConfig config;

  private final ArrayDeque<Submission> waiting = new ArrayDeque<>();
  private int waitingPoints;
  private int pendingPoints;
  private long timerId = -1;
  private boolean closed;
  private Promise<Void> drained;

  public BatchingPointWriter(Vertx vertx, PointWriter target, BatchingConfig config) {
    this.vertx = vertx;
    this.target = target;
    this.config = config;
  }

  /** Points accepted by {@link #write} and not yet written or failed. */
  public synchronized int pendingPoints() {
    return pendingPoints;
  }

  @Override
  public Future<Void> write(List<Point> points) {
    if (points.isEmpty()) {
      return Future.succeededFuture();
    }
    Submission submission;
    List<Batch> ready;
    synchronized (this) {
      if (closed) {
        return Future.failedFuture(new InfluxUnavailableException("the collector is stopping"));
      }
      if (points.size() > config.maxPendingPoints()) {
        return Future.failedFuture(
            new PointsRejectedException(
                "a request of "
                    + points.size()
                    + " points is more than the collector holds at once ("
                    + config.maxPendingPoints()
                    + "); send smaller batches"));
      }
      if (pendingPoints + points.size() > config.maxPendingPoints()) {
        return Future.failedFuture(
            new InfluxUnavailableException(
                "the collector already holds "
                    + pendingPoints
                    + " points waiting for InfluxDB (limit "
                    + config.maxPendingPoints()
                    + ")"));
      }
      submission = new Submission(points);
      waiting.add(submission);
      waitingPoints += points.size();
      pendingPoints += points.size();
      ready = takeBatches(false);
      if (waitingPoints > 0 && timerId < 0) {
        timerId = vertx.setTimer(config.flushInterval().toMillis(), id -> onTimer());
      }
    }
    ready.forEach(this::send);
    return submission.promise.future();
  }

  /** Writes everything still waiting, then closes the target once nothing is in flight. */
  @Override
  public Future<Void> close() {
    List<Batch> ready;
    Future<Void> done;
    synchronized (this) {
      closed = true;
      cancelTimer();
      ready = takeBatches(true);
      drained = Promise.promise();
      done = drained.future();
      if (pendingPoints == 0) {
        drained.complete();
      }
    }
    ready.forEach(this::send);
    return done.compose(nothing -> target.close());
  }

  private void onTimer() {
    List<Batch> ready;
    synchronized (this) {
      timerId = -1;
      ready = takeBatches(true);
    }
    ready.forEach(this::send);
  }

  /** Cuts full batches off the queue, and the last partial one too when {@code all} is set. */
  private List<Batch> takeBatches(boolean all) {
    List<Batch> batches = new ArrayList<>();
    while (waitingPoints >= config.maxPoints() || (all && waitingPoints > 0)) {
      var batch = new Batch();
      while (batch.size < config.maxPoints() && !waiting.isEmpty()) {
        Submission head = waiting.peek();
        int take = Math.min(config.maxPoints() - batch.size, head.points.size() - head.dispatched);
        batch.add(head.slice(take));
        if (head.dispatched == head.points.size()) {
          waiting.poll();
        }
      }
      waitingPoints -= batch.size;
      batches.add(batch);
    }
    if (waitingPoints == 0) {
      cancelTimer();
    }
    return batches;
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void send(Batch batch) {
    target
        .write(batch.points())
        .onComplete(
            result -> {
              if (result.failed()
                  && result.cause() instanceof PointsRejectedException
                  && batch.slices.size() > 1) {
                batch.slices.forEach(this::sendAlone);
              } else {
                batch.slices.forEach(slice -> finish(slice, result.cause()));
              }
            });
  }

  private void sendAlone(Slice slice) {
    target.write(slice.points()).onComplete(result -> finish(slice, result.cause()));
  }

  private void finish(Slice slice, Throwable failure) {
    Submission submission = slice.owner;
    boolean ownerDone;
    Promise<Void> drainedNow = null;
    synchronized (this) {
      pendingPoints -= slice.points().size();
      submission.inFlight--;
      if (failure != null && submission.failure == null) {
        submission.failure = failure;
      }
      ownerDone = submission.inFlight == 0 && submission.dispatched == submission.points.size();
      if (pendingPoints == 0 && drained != null) {
        drainedNow = drained;
      }
    }
    if (ownerDone) {
      if (submission.failure == null) {
        submission.promise.tryComplete();
      } else {
        submission.promise.tryFail(submission.failure);
      }
    }
    if (drainedNow != null) {
      drainedNow.tryComplete();
    }
  }

  /** One caller's points and how far they have been handed to batches. */
  private static final class Submission {
    final List<Point> points;
    final Promise<Void> promise = Promise.promise();
    int dispatched;
    int inFlight;
    Throwable failure;

    Submission(List<Point> points) {
      this.points = List.copyOf(points);
    }

    Slice slice(int count) {
      var slice = new Slice(this, dispatched, dispatched + count);
      dispatched += count;
      inFlight++;
      return slice;
    }
  }

  /** A run of one caller's points inside a batch. */
  private record Slice(Submission owner, int from, int to) {
    List<Point> points() {
      return owner.points.subList(from, to);
    }
  }

  /** The slices written to InfluxDB in one request. */
  private static final class Batch {
    final List<Slice> slices = new ArrayList<>();
    int size;

    void add(Slice slice) {
      slices.add(slice);
      size += slice.to - slice.from;
    }

    List<Point> points() {
      List<Point> points = new ArrayList<>(size);
      slices.forEach(slice -> points.addAll(slice.points()));
      return points;
    }
  }
}
