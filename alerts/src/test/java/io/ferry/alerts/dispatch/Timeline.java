package io.ferry.alerts.dispatch;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import io.ferry.alerts.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A dispatcher on a timeline for tests: times are offsets from {@link #T0}; {@link #advanceTo}
 * ticks every second (as the host would, more coarsely) up to and including the given time. Sends
 * run on the calling thread and jitter is zero, so every time is exact.
 */
final class Timeline {

  static final Instant T0 = Instant.parse("2025-06-01T22:00:00Z");

  /** A random generator that always draws 0: retry waits are exactly the doubling. */
  static final RandomGenerator NO_JITTER = () -> 0L;

  private static final Duration STEP = Duration.ofSeconds(1);

  final Map<String, RecordingNotifier> receivers = new LinkedHashMap<>();
  final Dispatcher dispatcher;
  private final Map<String, Alert> alerts = new HashMap<>();
  private Instant now = T0;

  Timeline(DispatchConfig config, String... receiverNames) {
    this(config, DispatchState.empty(), receiverNames);
  }

  Timeline(DispatchConfig config, DispatchState restored, String... receiverNames) {
    Map<String, Notifier> notifiers = new HashMap<>();
    for (String name : receiverNames) {
      RecordingNotifier notifier = new RecordingNotifier(name, () -> now);
      receivers.put(name, notifier);
      notifiers.put(name, notifier);
    }
    dispatcher = new Dispatcher(config, notifiers, Runnable::run, NO_JITTER);
    dispatcher.restore(restored);
  }

  /** {@code T0 + seconds}. */
  static Instant t(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  Instant now() {
    return now;
  }

  RecordingNotifier receiver(String name) {
    return receivers.get(name);
  }

  /** Ticks every second after the current time up to {@code seconds} (inclusive). */
  Timeline advanceTo(double seconds) {
    Instant end = t(seconds);
    while (now.isBefore(end)) {
      Instant next = now.plus(STEP);
      now = next.isAfter(end) ? end : next;
      dispatcher.tick(now);
    }
    return this;
  }

  /** Moves to {@code seconds} (ticking on the way) and reports the alert firing there. */
  Timeline fire(double seconds, String... namesAndValues) {
    advanceTo(seconds);
    Labels labels = Labels.of(namesAndValues);
    Alert alert = firing(labels);
    alerts.put(labels.fingerprint(), alert);
    dispatcher.update(List.of(alert), now);
    return this;
  }

  private Alert firing(Labels labels) {
    return new Alert(labels, Map.of(), AlertStatus.FIRING, now.minusSeconds(60), now, null, 1.0);
  }

  /** Moves to {@code seconds} (ticking on the way) and reports the alert resolved there. */
  Timeline resolve(double seconds, String... namesAndValues) {
    advanceTo(seconds);
    Labels labels = Labels.of(namesAndValues);
    // After a restart the test may resolve an alert that fired before it.
    Alert alert = alerts.getOrDefault(labels.fingerprint(), firing(labels)).resolved(now);
    alerts.put(labels.fingerprint(), alert);
    dispatcher.update(List.of(alert), now);
    return this;
  }
}
