package io.ferry.alerts.notify;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import java.util.List;

/**
 * What one receiver is told at once: the alerts of one group (same group labels, same route).
 *
 * @param receiver the configured receiver's name
 * @param groupKey identity of the group, stable across restarts (route + group labels)
 * @param groupLabels the labels the group is grouped by, such as {@code alertname} and {@code host}
 * @param alerts the group's alerts: firing ones, and resolved ones not yet announced
 */
public record Notification(
    String receiver, String groupKey, Labels groupLabels, List<Alert> alerts) {

  public Notification {
    alerts = List.copyOf(alerts);
  }

  /** {@link AlertStatus#FIRING} if any alert fires, else {@link AlertStatus#RESOLVED}. */
  public AlertStatus status() {
    return alerts.stream().anyMatch(alert -> alert.status() == AlertStatus.FIRING)
        ? AlertStatus.FIRING
        : AlertStatus.RESOLVED;
  }

  /** The firing alerts. */
  public List<Alert> firing() {
    return alerts.stream().filter(alert -> alert.status() == AlertStatus.FIRING).toList();
  }

  /** The resolved alerts. */
  public List<Alert> resolved() {
    return alerts.stream().filter(alert -> alert.status() == AlertStatus.RESOLVED).toList();
  }
}
