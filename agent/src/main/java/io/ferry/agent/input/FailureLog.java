package io.ferry.agent.input;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the failures of one input when they change rather than at every interval: a new or different
 * failure is a warning, its disappearance is logged once as recovered. Keeps the log of a host
 * whose database is down for an hour readable.
 */
final class FailureLog {

  private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);

  private final String input;
  private final Map<String, String> current = new HashMap<>();

  FailureLog(String input) {
    this.input = input;
  }

  /**
   * Records the failures of one finished collection.
   *
   * @param failures what failed (e.g. {@code collect} or a query family) and why
   */
  synchronized void collectionFinished(Map<String, Throwable> failures) {
    for (var failure : failures.entrySet()) {
      String message = describe(failure.getValue());
      String previous = current.put(failure.getKey(), message);
      if (!message.equals(previous)) {
        LOG.warn("input {}: {} failed: {}", input, failure.getKey(), message);
      }
    }
    for (String what : Set.copyOf(current.keySet())) {
      if (!failures.containsKey(what)) {
        current.remove(what);
        LOG.info("input {}: {} works again", input, what);
      }
    }
  }

  /** What failed in the last collection (e.g. {@code collect}) and why; empty when all worked. */
  synchronized Map<String, String> current() {
    return new TreeMap<>(current);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + message;
  }
}
