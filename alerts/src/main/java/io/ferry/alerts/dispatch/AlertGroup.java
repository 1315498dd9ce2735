package io.ferry.alerts.dispatch;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The alerts of one route with the same group labels, and the group's timer: the first flush comes
 * {@code group_wait} after the group was created, later ones every {@code group_interval}. Not
 * thread-safe: the dispatcher uses it under its lock.
 */
final class AlertGroup {

  final String key;
  final String routeKey;
  final Route route;
  final Labels groupLabels;
  private final Map<String, DispatchState.AlertState> alerts = new TreeMap<>();
  private Instant nextFlushAt;

  /** The notification being delivered (sent, retried, or handed to the fallback); or null. */
  Delivery delivery;

  AlertGroup(String key, String routeKey, Route route, Labels groupLabels, Instant nextFlushAt) {
    this.key = key;
    this.routeKey = routeKey;
    this.route = route;
    this.groupLabels = groupLabels;
    this.nextFlushAt = nextFlushAt;
  }

  /** The group key: route key and group labels, stable across restarts. */
  static String key(String routeKey, Labels groupLabels) {
    return routeKey + ":" + groupLabels.fingerprint();
  }

  void put(Alert alert, Instant holdUntil) {
    alerts.put(alert.labels().fingerprint(), new DispatchState.AlertState(alert, holdUntil));
  }

  DispatchState.AlertState get(String fingerprint) {
    return alerts.get(fingerprint);
  }

  boolean isEmpty() {
    return alerts.isEmpty();
  }

  Instant nextFlushAt() {
    return nextFlushAt;
  }

  boolean flushDue(Instant now) {
    return !now.isBefore(nextFlushAt);
  }

  /** Sets the timer to the next {@code group_interval} after this flush. */
  void flushed(Instant now) {
    Instant next = nextFlushAt.plus(route.groupInterval());
    nextFlushAt = next.isAfter(now) ? next : now.plus(route.groupInterval());
  }

  /** The alerts as the receiver should see them at {@code now} (held flapping alerts fire). */
  List<Alert> effectiveAlerts(Instant now) {
    List<Alert> effective = new ArrayList<>();
    for (DispatchState.AlertState state : alerts.values()) {
      effective.add(state.effective(now));
    }
    return effective;
  }

  /** The alerts that are resolved and not held at {@code now}, by fingerprint. */
  Map<String, Alert> resolvedNotHeld(Instant now) {
    Map<String, Alert> resolved = new TreeMap<>();
    alerts.forEach(
        (fingerprint, state) -> {
          if (state.effective(now).status() == AlertStatus.RESOLVED) {
            resolved.put(fingerprint, state.alert());
          }
        });
    return resolved;
  }

  /** Forgets the resolved alerts in {@code announced} that have not changed since. */
  void forget(Map<String, Alert> announced) {
    announced.forEach(
        (fingerprint, alert) -> {
          DispatchState.AlertState state = alerts.get(fingerprint);
          if (state != null && state.alert().equals(alert)) {
            alerts.remove(fingerprint);
          }
        });
  }

  /** The raw alerts (as the evaluator last reported them). */
  List<Alert> alerts() {
    return alerts.values().stream().map(DispatchState.AlertState::alert).toList();
  }

  DispatchState.GroupState snapshot() {
    return new DispatchState.GroupState(key, routeKey, nextFlushAt, List.copyOf(alerts.values()));
  }
}
