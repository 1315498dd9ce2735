package io.ferry.agent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next request while the collector fails: exponential backoff with full
 * jitter (a uniformly random wait between zero and {@value #BASE_MILLIS} ms doubled per consecutive
 * failure, at most {@value #CAP_MILLIS} ms), so a fleet resumes within a few seconds of the
 * collector's return without all agents writing at the same instant. A {@code Retry-After} from the
 * collector is waited out first (at most {@value #MAX_RETRY_AFTER_SECONDS} s), then the jitter.
 * Counted in time, not in ticks. A success resets it. Public so that simulated agents (the fleet
 * benchmark) wait exactly as the agent does.
 */
public final class RetryBackoff {

  static final long BASE_MILLIS = 250;
  static final long CAP_MILLIS = 4_000;
  static final long MAX_RETRY_AFTER_SECONDS = 300;

  private final DoubleSupplier random;
  private int failures;

  /**
   * @param random uniform values in [0, 1)
   */
  public RetryBackoff(DoubleSupplier random) {
    this.random = random;
  }

  public RetryBackoff() {
    this(() -> ThreadLocalRandom.current().nextDouble());
  }

  /** Counts a failure and returns how long to wait before the next attempt, in milliseconds. */
  public long failed(Optional<Duration> retryAfter) {
    failures = Math.min(failures + 1, 30);
    long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(failures - 1, 20));
    long jitter = (long) (random.getAsDouble() * ceiling);
    long asked =
        retryAfter
            .map(wait -> Math.min(wait.toSeconds(), MAX_RETRY_AFTER_SECONDS) * 1000)
            .orElse(0L);
    return Math.max(0, asked) + jitter;
  }

  /** Resets the backoff after a request the collector took. */
  public void succeeded() {
    failures = 0;
  }
}
