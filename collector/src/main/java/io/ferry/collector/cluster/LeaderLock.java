package io.ferry.collector.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects the collector that does what must happen once in the cluster (alert evaluation, scheduled
 * comparisons): whoever holds Vert.x's cluster-wide lock {@value #NAME}. The holder keeps it until
 * it stops; Hazelcast releases the lock of a member it removes (one that stopped answering
 * heartbeats for {@code cluster.failure_timeout}), and the next collector waiting takes it.
 */
final class LeaderLock {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderLock.class);

  /** The lock's name. */
  static final String NAME = "ferry.collector.leader";

  /** How long one attempt waits for the lock before the next one starts. */
  private static final long ATTEMPT_MILLIS = 10_000;

  /** Pause after an attempt that failed, so a cluster that is shutting down is not hammered. */
  private static final long RETRY_MILLIS = 100;

  private final Vertx vertx;
  private Promise<Void> won = Promise.promise();
  private volatile Lock held;
  private volatile boolean closed;

  LeaderLock(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts waiting for the lock; the future {@link #won()} completes once it is held. */
  void start() {
    attempt();
  }

  /** Completes when this collector holds the lock. */
  Future<Void> won() {
    return won.future();
  }

  /** Whether this collector holds the lock now. */
  boolean held() {
    return held != null;
  }

  private void attempt() {
    if (closed) {
      return;
    }
    vertx
        .sharedData()
        .getLockWithTimeout(NAME, ATTEMPT_MILLIS)
        .onSuccess(
            lock -> {
              if (closed) {
                lock.release();
                return;
              }
              held = lock;
              won.tryComplete();
            })
        .onFailure(
            e -> {
              LOG.debug("Leader lock not taken yet: {}", e.getMessage());
              vertx.setTimer(RETRY_MILLIS, id -> attempt());
            });
  }

  /**
   * Forgets a lock Hazelcast no longer holds for this collector (its side of a split cluster merged
   * into the other) and waits for it again; {@link #won()} is a new future.
   */
  void lost() {
    held = null;
    won = Promise.promise();
    attempt();
  }

  /** Stops waiting; releases the lock when held. */
  void close() {
    closed = true;
    Lock lock = held;
    held = null;
    if (lock != null) {
      lock.release();
    }
  }
}
