package io.ferry.collector.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per client address over a sliding minute: past the limit, the address must
 * wait until its oldest failure in the window is a minute old. Guessing tokens on the login form is
 * thus as slow as the limit says; a correct token is never counted. Thread-safe.
 */
final class LoginThrottle {

  /** The window failures are counted over. */
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** Past this many addresses tracked, those without a failure in the window are forgotten. */
  private static final int PRUNE_ABOVE = 10_000;

  private final int limit;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  /**
   * @param limit failed logins an address may make per {@link #WINDOW}
   */
  LoginThrottle(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /** How long {@code address} must wait before its next attempt; empty when it may try now. */
  synchronized Optional<Duration> waitFor(String address, Instant now) {
    Deque<Instant> recent = recent(address, now);
    if (recent == null || recent.size() < limit) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  /** Counts a failed login of {@code address}. */
  synchronized void failed(String address, Instant now) {
    if (failures.size() > PRUNE_ABOVE) {
      for (String key : java.util.List.copyOf(failures.keySet())) {
        recent(key, now);
      }
    }
    failures.computeIfAbsent(address, key -> new ArrayDeque<>()).addLast(now);
  }

  /** The address's failures inside the window (older ones dropped); null when there are none. */
  private Deque<Instant> recent(String address, Instant now) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return null;
    }
    Instant cutoff = now.minus(WINDOW);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(address);
      return null;
    }
    return times;
  }
}
