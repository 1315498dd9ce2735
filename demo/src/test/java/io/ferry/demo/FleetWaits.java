package io.ferry.demo;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The fleet benchmark's waits, which report a timeout instead of failing at once. */
final class FleetWaits {

  private FleetWaits() {}

  /**
   * Polls {@code condition} until it holds, at most {@code limit}; a poll that throws counts as not
   * yet.
   *
   * @return whether it held within the limit
   */
  static boolean until(Duration limit, Callable<Boolean> condition) {
    try {
      Awaitility.await()
          .atMost(limit)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .until(condition);
      return true;
    } catch (ConditionTimeoutException timedOut) {
      return false;
    }
  }
}
