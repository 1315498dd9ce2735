package io.ferry.collector.alerting;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Room reserved in an alert queue for the points of one push ({@link AlertFeed#admit}), or the
 * reason there was none. An admitted push is either {@linkplain #deliver delivered} (its points are
 * queued) or {@linkplain #cancel cancelled} (the room is given back), exactly once.
 */
public final class Admission {

  /** Admitted, with nothing to queue (no point the alert rules need). */
  public static final Admission NOTHING = new Admission(null, Future::succeededFuture, () -> {});

  private final String refusal;
  private final Supplier<Future<Void>> deliver;
  private final Runnable cancel;

  private Admission(String refusal, Supplier<Future<Void>> deliver, Runnable cancel) {
    this.refusal = refusal;
    this.deliver = deliver;
    this.cancel = cancel;
  }

  /**
   * @param deliver queues the reserved points; its future completes once they were taken care of
   * @param cancel gives the reserved room back
   */
  public static Admission of(Supplier<Future<Void>> deliver, Runnable cancel) {
    return new Admission(null, deliver, cancel);
  }

  /**
   * No room: the push must be refused (503 with {@code Retry-After}).
   *
   * @param reason what is full, naming the key that bounds it
   */
  public static Admission refused(String reason) {
    return new Admission(reason, () -> Future.failedFuture(reason), () -> {});
  }

  /** Why the points were not admitted; empty when they were. */
  public Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** Queues the reserved points. */
  public Future<Void> deliver() {
    return deliver.get();
  }

  /** Gives the reserved room back; the points are not queued. */
  public void cancel() {
    cancel.run();
  }
}
