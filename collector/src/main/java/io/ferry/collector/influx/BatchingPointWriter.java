package io.ferry.collector.influx;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.lineprotocol.Point;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Writes points from concurrent callers to InfluxDB by group commit, as databases write their logs:
 * while a write slot is free (fewer than {@code maxConcurrentWrites} writes in flight) the waiting
 * points are written at once; while every slot is busy, points accumulate and go out, up to {@code
 * maxPoints} per write, as soon as a slot frees. So a push to an idle collector is written at once,
 * and under load the batches grow by themselves with InfluxDB's write latency. Each caller's future
 * completes when all of its own points are written, or fails with the failure of any of its
 * batches.
 *
 * <p>{@code flushInterval} is how long the oldest waiting point may wait for more points to join
 * its batch although a slot is free (a batch-forming delay, like the Kafka producer's {@code
 * linger.ms} or MySQL's {@code binlog_group_commit_sync_delay}); a full batch does not wait. With
 * the default of 0 no timer is used at all.
 *
 * <p>When InfluxDB rejects a batch that holds points of several callers, each caller's share is
 * written again on its own, so only the caller whose points are bad sees the rejection (writes are
 * idempotent, so the points InfluxDB already took are not duplicated). Each share InfluxDB refuses
 * for good is handed once to {@link RefusedBatches} (the dead-letter file), never retried.
 *
 * <p>Points leave in the order they arrived, so one sender's points reach InfluxDB in its order.
 * Bounding the writes in flight means that however many clients come back at once after an outage,
 * InfluxDB is written at the pace it answers. When a write finds InfluxDB unavailable, the points
 * still waiting fail with it at once rather than each waiting for a timeout of its own. At most
 * {@code maxPendingPoints} are held, waiting or in flight; a call that would exceed the bound fails
 * at once with {@link InfluxUnavailableException} (answered 503 with {@code Retry-After}), so
 * memory stays bounded.
 *
 * <p>A bound in points is not a bound in time: when InfluxDB slows down, a push taken within it can
 * wait longer than its sender waits for the answer, which then sends it again while the first copy
 * still waits. So a call also fails at once when the points already pending, written at the rate
 * InfluxDB took points recently ({@link InfluxWriteRate}), would keep the new ones waiting longer
 * than {@code maxExpectedWait} ({@code ingest.max_expected_wait}). Thread-safe.
 */
public final class BatchingPointWriter implements PointWriter {

  private final Vertx vertx;
  private final PointWriter target;
  private final BatchingConfig config;
  private final RefusedBatches refused;
  private final long flushIntervalNanos;
  private final Optional<Duration> maxExpectedWait;
  private final InfluxWriteRate rate = new InfluxWriteRate();
  private final LongSupplier nanoClock;
  private long expectedWaitRefusals;

  private final ArrayDeque<Submission> waiting = new ArrayDeque<>();
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
    this(vertx, target, config, refused, Optional.empty());
  }

  /**
   * @param refused takes each batch InfluxDB refuses as invalid
   * @param maxExpectedWait the longest a push may be expected to wait for InfluxDB ({@code
   *     ingest.max_expected_wait}); empty for no bound but the pending points'
   */
  public BatchingPointWriter(
      Vertx vertx,
      PointWriter target,
      BatchingConfig config,
      RefusedBatches refused,
      Optional<Duration> maxExpectedWait) {
    this(vertx, target, config, refused, maxExpectedWait, System::nanoTime);
  }

  /** As above, with the monotonic clock the waits and rates are read from ({@code nanoTime}). */
  BatchingPointWriter(
      Vertx vertx,
      PointWriter target,
      BatchingConfig config,
      RefusedBatches refused,
      Optional<Duration> maxExpectedWait,
      LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.vertx = vertx;
    this.target = target;
    this.config = config;
    this.refused = refused;
    this.flushIntervalNanos = config.flushInterval().toNanos();
    this.maxExpectedWait = maxExpectedWait;
  }

  /** Pushes refused because they would have waited longer than {@code maxExpectedWait}. */
  public synchronized long expectedWaitRefusals() {
    return expectedWaitRefusals;
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
      long now = nanoClock.getAsLong();
      String tooLong = expectedWaitTooLong(points.size(), now);
      if (tooLong != null) {
        expectedWaitRefusals++;
        return Future.failedFuture(new InfluxUnavailableException(tooLong));
      }
      submission = new Submission(points, now);
      waiting.add(submission);
      waitingPoints += points.size();
      pendingPoints += points.size();
    }
    dispatch();
    return submission.promise.future();
  }

  /**
   * Why a push of {@code count} points would wait too long, or null when it would not (or nothing
   * is pending, or InfluxDB was written too little lately to tell).
   */
  private String expectedWaitTooLong(int count, long now) {
    if (maxExpectedWait.isEmpty() || pendingPoints == 0) {
      return null;
    }
    double perSecond = rate.pointsPerSecond(now);
    if (Double.isNaN(perSecond)) {
      return null;
    }
    double waitSeconds = (pendingPoints + count) / perSecond;
    if (waitSeconds * 1e9 <= maxExpectedWait.get().toNanos()) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "the collector already holds %d points waiting for InfluxDB, which takes about %.0f"
            + " points/s now: these would wait about %.1fs, more than ingest.max_expected_wait (%s)",
        pendingPoints,
        perSecond,
        waitSeconds,
        ConfigUnits.formatDuration(maxExpectedWait.get()));
  }

  /** Writes everything still waiting, then closes the target once nothing is in flight. */
  @Override
  public Future<Void> close() {
    Future<Void> done;
    synchronized (this) {
      closed = true;
      cancelTimer();
      drained = Promise.promise();
      done = drained.future();
      if (pendingPoints == 0) {
        drained.complete();
      }
    }
    dispatch();
    return done.compose(nothing -> target.close());
  }

  /**
   * Starts a write for each free slot while waiting points are ready to go, each taking up to
   * {@code maxPoints} of them in arrival order; when a slot is free but the points are not ready
   * yet, sets a timer for the moment they will be.
   */
  private void dispatch() {
    List<Batch> start = new ArrayList<>();
    synchronized (this) {
      long now = nanoClock.getAsLong();
      while (writesInFlight < config.maxConcurrentWrites() && waitingPoints > 0 && ready(now)) {
        start.add(takeBatch());
        writesInFlight++;
        rate.started(now);
      }
      if (waitingPoints == 0 || writesInFlight == config.maxConcurrentWrites()) {
        // Nothing to wait for, or the next slot to free up calls dispatch() again.
        cancelTimer();
      } else if (timerId < 0) {
        long dueInNanos = waiting.peek().arrivedNanos + flushIntervalNanos - now;
        long delayMillis = Math.max(1, (dueInNanos + 999_999) / 1_000_000);
        timerId = vertx.setTimer(delayMillis, id -> onTimer());
      }
    }
    start.forEach(this::send);
  }

  /**
   * Whether the waiting points may be written now: a full batch is waiting, the oldest point has
   * waited {@code flushInterval}, or the writer is closing.
   */
  private boolean ready(long now) {
    return closed
        || waitingPoints >= config.maxPoints()
        || now - waiting.peek().arrivedNanos >= flushIntervalNanos;
  }

  private void onTimer() {
    synchronized (this) {
      timerId = -1;
    }
    dispatch();
  }

  /** Cuts the next batch, up to {@code maxPoints}, off the waiting points. */
  private Batch takeBatch() {
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
    return batch;
  }

  private void released(int written) {
    synchronized (this) {
      writesInFlight--;
      rate.finished(nanoClock.getAsLong(), written);
    }
    dispatch();
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
    // Points InfluxDB took in this slot's write, for the rate (a batch split up counts none).
    int[] written = {0};
    target
        .write(points)
        .transform(
            result -> {
              if (result.succeeded()) {
                written[0] = batch.size;
              }
              if (result.failed()
                  && result.cause() instanceof PointsRejectedException
                  && batch.slices.size() > 1) {
                return Future.join(batch.slices.stream().map(this::sendAlone).toList())
                    .<Void>mapEmpty();
              }
              setAsideIfRefused(points, result.cause());
              batch.slices.forEach(slice -> finish(slice, result.cause()));
              if (result.cause() instanceof InfluxUnavailableException) {
                failWaiting(result.cause());
              }
              return Future.<Void>succeededFuture();
            })
        .onComplete(done -> released(written[0]));
  }

  /**
   * InfluxDB cannot take points now: the points waiting behind this batch fail at once with the
   * same cause (answered 503) instead of each waiting its turn for a timeout of its own.
   */
  private void failWaiting(Throwable cause) {
    List<Slice> failed = new ArrayList<>();
    synchronized (this) {
      for (Submission submission : waiting) {
        failed.add(submission.slice(submission.points.size() - submission.dispatched));
      }
      waiting.clear();
      waitingPoints = 0;
      cancelTimer();
    }
    failed.forEach(slice -> finish(slice, cause));
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
    final long arrivedNanos;
    final Promise<Void> promise = Promise.promise();
    int dispatched;
    int inFlight;
    Throwable failure;

    Submission(List<Point> points, long arrivedNanos) {
      this.points = List.copyOf(points);
      this.arrivedNanos = arrivedNanos;
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
