package io.ferry.agent.input;

import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one {@link Input} for the agent: calls {@link Input#collect} on a worker pool (never on an
 * event loop), times it, counts its errors, and skips a tick while the previous collection still
 * runs. The returned future never fails: a failing input yields the points it managed to add (often
 * none), and the agent goes on with the others.
 */
public final class InputRunner {

  private static final String WHOLE_INPUT = "collect";

  private final Input input;
  private final WorkerExecutor workers;
  private final FailureLog failureLog;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile double lastCollectMillis = -1;
  private volatile long lastPoints;

  /**
   * @param input the input to run; the runner calls it from one worker thread at a time
   * @param workers the pool the collections run on
   */
  public InputRunner(Input input, WorkerExecutor workers) {
    this.input = input;
    this.workers = workers;
    this.failureLog = new FailureLog(input.name());
  }

  public String name() {
    return input.name();
  }

  /**
   * Collects once, unless the previous collection is still running (then the tick is counted as
   * skipped and no points are returned).
   *
   * @return the points read, without global tags or default timestamps; never a failed future
   */
  public Future<List<Point>> collect() {
    if (!running.compareAndSet(false, true)) {
      skipped.incrementAndGet();
      return Future.succeededFuture(List.of());
    }
    return workers
        .executeBlocking(this::collectNow, false)
        .recover(
            rejected -> {
              running.set(false);
              countFailures(Map.of(WHOLE_INPUT, rejected), 1);
              return Future.succeededFuture(List.of());
            });
  }

  /** The input's figures so far. */
  public InputStats stats() {
    return new InputStats(input.name(), lastCollectMillis, errors.get(), skipped.get(), lastPoints);
  }

  /** What failed in the last finished collection and why; empty when it worked. */
  public Map<String, String> lastFailures() {
    return failureLog.current();
  }

  /** Closes the input on the worker pool, since closing may block (JDBC). */
  public Future<Void> close() {
    return workers.executeBlocking(
        () -> {
          input.close();
          return null;
        },
        false);
  }

  private List<Point> collectNow() {
    var accumulator = new CollectingAccumulator();
    Map<String, Throwable> failures = new HashMap<>();
    long started = System.nanoTime();
    try {
      input.collect(accumulator);
    } catch (Exception | LinkageError e) {
      failures.put(WHOLE_INPUT, e);
    } finally {
      lastCollectMillis = (System.nanoTime() - started) / 1e6;
      running.set(false);
    }
    failures.putAll(accumulator.errors());
    countFailures(failures, accumulator.errorCount() + (failures.containsKey(WHOLE_INPUT) ? 1 : 0));
    List<Point> points = accumulator.points();
    lastPoints = points.size();
    return points;
  }

  private void countFailures(Map<String, Throwable> failures, int count) {
    errors.addAndGet(count);
    failureLog.collectionFinished(failures);
  }
}
