package io.ferry.alerts.dispatch;

import io.ferry.alerts.Alert;
import io.ferry.alerts.notify.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The retry stage's state for one notification of one group: which receiver is tried (the route's,
 * then the fallback), how many attempts it had, when the next is due. Not thread-safe: the
 * dispatcher uses it under its lock.
 */
final class Delivery {

  /** The notification to the route's receiver. */
  final Notification notification;

  /** Fingerprints announced as firing, for the notification log. */
  final Set<String> firing;

  /** Fingerprints announced as resolved, for the notification log. */
  final Set<String> resolved;

  /** The group's resolved alerts at the flush, forgotten once the notification is delivered. */
  final Map<String, Alert> resolvedAtFlush;

  private String receiver;
  private boolean onFallback;
  private int attempts;
  private Instant dueAt;
  private boolean running;

  Delivery(
      Notification notification,
      Set<String> firing,
      Set<String> resolved,
      Map<String, Alert> resolvedAtFlush,
      Instant dueAt) {
    this.notification = notification;
    this.firing = Set.copyOf(firing);
    this.resolved = Set.copyOf(resolved);
    this.resolvedAtFlush = Map.copyOf(resolvedAtFlush);
    this.receiver = notification.receiver();
    this.dueAt = dueAt;
  }

  /** The receiver tried now. */
  String receiver() {
    return receiver;
  }

  boolean onFallback() {
    return onFallback;
  }

  /** Attempts started for the current receiver. */
  int attempts() {
    return attempts;
  }

  /** Whether an attempt may start at {@code now}: none running and the backoff is over. */
  boolean dueAt(Instant now) {
    return !running && !now.isBefore(dueAt);
  }

  /** The notification for the current receiver, readdressed to the fallback when on it. */
  Notification notificationToSend() {
    return onFallback
        ? new Notification(
            receiver, notification.groupKey(), notification.groupLabels(), notification.alerts())
        : notification;
  }

  /** Whether an attempt is being sent now. */
  boolean running() {
    return running;
  }

  void started() {
    attempts++;
    running = true;
  }

  void retryAt(Instant at) {
    running = false;
    dueAt = at;
  }

  void fallBackTo(String fallbackReceiver, Instant now) {
    running = false;
    receiver = fallbackReceiver;
    onFallback = true;
    attempts = 0;
    dueAt = now;
  }

  void finished() {
    running = false;
  }
}
