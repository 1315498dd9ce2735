package io.ferry.testkit;

import java.time.Duration;
import java.time.Instant;

/** Waits, with a bounded total time, until a condition holds; used while servers start up. */
final class Poll {

  /** A check that may fail with an exception, which counts as "not yet". */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  private static final Duration INTERVAL = Duration.ofMillis(25);

  private Poll() {}

  /**
   * Checks {@code condition} every 25 ms until it holds or {@code timeout} has passed.
   *
   * @return whether the condition held before the timeout
   */
  static boolean until(Duration timeout, Condition condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      try {
        if (condition.holds()) {
          return true;
        }
      } catch (Exception notYet) {
        // a server that is still starting refuses connections; that is what we wait out
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
