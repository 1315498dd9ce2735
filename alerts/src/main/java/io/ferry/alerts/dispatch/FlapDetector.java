package io.ferry.alerts.dispatch;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers when each alert (by fingerprint) changed state, to tell whether it flaps (see {@link
 * FlapDamping}). Not thread-safe: the dispatcher calls it under its lock.
 */
final class FlapDetector {

  private final FlapDamping damping;
  private final Map<String, Deque<Instant>> changes = new HashMap<>();

  FlapDetector(FlapDamping damping) {
    this.damping = damping;
  }

  /**
   * Records a state change of {@code fingerprint} at {@code now}.
   *
   * @return whether the alert flaps now, counting this change
   */
  boolean changed(String fingerprint, Instant now) {
    Deque<Instant> times = changes.computeIfAbsent(fingerprint, absent -> new ArrayDeque<>());
    times.addLast(now);
    dropOld(times, now);
    return times.size() > damping.changes();
  }

  /** Forgets changes older than the window. */
  void dropOld(Instant now) {
    changes.values().forEach(times -> dropOld(times, now));
    changes.values().removeIf(Deque::isEmpty);
  }

  private void dropOld(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(damping.window());
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }

  Map<String, List<Instant>> snapshot() {
    Map<String, List<Instant>> copy = new HashMap<>();
    changes.forEach((fingerprint, times) -> copy.put(fingerprint, new ArrayList<>(times)));
    return copy;
  }

  void restore(Map<String, List<Instant>> saved) {
    changes.clear();
    saved.forEach((fingerprint, times) -> changes.put(fingerprint, new ArrayDeque<>(times)));
  }
}
