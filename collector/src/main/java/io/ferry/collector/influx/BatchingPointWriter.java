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
 * idempotent, so the points InfluxDB already took are not duplicated). Each share InfluxDB refuses
 * for good is handed once to {@link RefusedBatches} (the dead-letter file), never retried.
 *
 * <p>At most {@code maxConcurrentWrites} writes are in flight at once; further full batches queue,
 * so however many clients come back at once after an outage, InfluxDB is written at the pace it
 * answers. When a write finds InfluxDB unavailable, the queued batches fail with it at once rather
 * than each waiting for a timeout of its own. At most {@code maxPendingPoints} are held, queued,
 * waiting or in flight; a call that would exceed the bound fails at once with {@link
 * InfluxUnavailableException} (answered 503 with {@code Retry-After}), so memory stays bounded.
 * Thread-safe.
 */
public final class BatchingPointWriter implements PointWriter {

  private final Vertx vertx;
  private final PointWriter target;
  private final BatchingConfig config;
  private final RefusedBatches refused;

  private final ArrayDeque<Submission> waiting = new ArrayDeque<>();
  private final ArrayDeque<Batch> queued = new ArrayDeque<>();
  private int writesInFlight;
  private int waitingPoints;
  private int pendingPoints;
  private long timerId = -1;
  private boolean closed;
  private Promise<Void> drained;

  /**
   * @param refused takes each batch InfluxDB refuses as invalid
   */
  public BatchingPointWriter(
      Vertx vertx, PointWriter target, BatchingConfig config, RefusedBatches refused) {
    this.vertx = vertx;
    this.target = target;
    this.config = config;
    this.refused = refused;
  }

  /** Writes to InfluxDB in flight now, at most {@code maxConcurrentWrites}. */
  public synchronized int writesInFlight() {
    return writesInFlight;
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
      takeBatches(false);
      if (waitingPoints > 0 && timerId < 0) {
        timerId = vertx.setTimer(config.flushInterval().toMillis(), id -> onTimer());
      }
    }
    pump();
    return submission.promise.future();
  }

  /** Writes everything still waiting, then closes the target once nothing is in flight. */
  @Override
  public Future<Void> close() {
    Future<Void> done;
    synchronized (this) {
      closed = true;
      cancelTimer();
      takeBatches(true);
      drained = Promise.promise();
      done = drained.future();
      if (pendingPoints == 0) {
        drained.complete();
      }
    }
    pump();
    return done.compose(nothing -> target.close());
  }

  private void onTimer() {
    synchronized (this) {
      timerId = -1;
      takeBatches(true);
    }
    pump();
  }

  /**
   * Cuts full batches off the waiting points into the write queue, and the last partial one too
   * when {@code all} is set.
   */
  private void takeBatches(boolean all) {
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
      queued.add(batch);
    }
    if (waitingPoints == 0) {
      cancelTimer();
    }
  }

  /** Starts queued batches while fewer than {@code maxConcurrentWrites} writes are in flight. */
  private void pump() {
    List<Batch> start = new ArrayList<>();
    synchronized (this) {
      while (writesInFlight < config.maxConcurrentWrites() && !queued.isEmpty()) {
        start.add(queued.poll());
        writesInFlight++;
      }
    }
    start.forEach(this::send);
  }

  private void released() {
    synchronized (this) {
      writesInFlight--;
    }
    pump();
  }

  private void cancelTimer() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  /** Writes a batch; its write slot is held until it and any split-up rewrites are done. */
  private void send(Batch batch) {
    List<Point> points = batch.points();
    target
        .write(points)
        .transform(
            result -> {
              if (result.failed()
                  && result.cause() instanceof PointsRejectedException
                  && batch.slices.size() > 1) {
                return Future.join(batch.slices.stream().map(this::sendAlone).toList())
                    .<Void>mapEmpty();
              }
              setAsideIfRefused(points, result.cause());
              batch.slices.forEach(slice -> finish(slice, result.cause()));
              if (result.cause() instanceof InfluxUnavailableException) {
                failQueued(result.cause());
              }
              return Future.<Void>succeededFuture();
            })
        .onComplete(done -> released());
  }

  /**
   * InfluxDB cannot take points now: the batches queued behind this one fail at once with the same
   * cause (answered 503) instead of each waiting its turn for a timeout of its own.
   */
  private void failQueued(Throwable cause) {
    List<Batch> failed;
    synchronized (this) {
      failed = new ArrayList<>(queued);
      queued.clear();
    }
    failed.forEach(batch -> batch.slices.forEach(slice -> finish(slice, cause)));
  }

  private Future<Void> sendAlone(Slice slice) {
    return target
        .write(slice.points())
        .transform(
            result -> {
              setAsideIfRefused(slice.points(), result.cause());
              finish(slice, result.cause());
              return Future.succeededFuture();
            });
  }

  private void setAsideIfRefused(List<Point> points, Throwable failure) {
    if (failure instanceof PointsRejectedException) {
      refused.setAside(points, failure.getMessage());
    }
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
      return from == 0 && to == owner.points.size() ? owner.points : owner.points.subList(from, to);
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
      if (slices.size() == 1) {
        return slices.get(0).points();
      }
      List<Point> points = new ArrayList<>(size);
      slices.forEach(slice -> points.addAll(slice.points()));
      return points;
    }
  }
}
