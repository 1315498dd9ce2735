package io.ferry.alerts.dispatch;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the dispatcher must remember across a restart of the host, so that a restart neither pages
 * twice nor forgets a firing alert: silences, maintenance windows added at run time, the
 * notification log, the groups with their alerts and timers, and recent state changes for flap
 * damping. Notifications being delivered are not kept: their group is not marked as notified, so it
 * is notified again at its next flush. {@link DispatchStateJson} writes and reads it as JSON.
 *
 * @param silences every silence, expired ones kept as history included
 * @param maintenanceWindows the windows added at run time (those from the configuration are read
 *     from it again)
 * @param notificationLog what each receiver was last told about each group
 * @param groups the groups
 * @param flapChanges recent state changes per alert fingerprint
 */
public record DispatchState(
    List<Silence> silences,
    List<MaintenanceWindow> maintenanceWindows,
    List<NotificationLogEntry> notificationLog,
    List<GroupState> groups,
    Map<String, List<Instant>> flapChanges) {

  public DispatchState {
    silences = List.copyOf(silences);
    maintenanceWindows = List.copyOf(maintenanceWindows);
    notificationLog = List.copyOf(notificationLog);
    groups = List.copyOf(groups);
    flapChanges = Map.copyOf(flapChanges);
  }

  /** The state of a dispatcher that never ran. */
  public static DispatchState empty() {
    return new DispatchState(List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  /**
   * One group.
   *
   * @param key the group key (route key and group labels)
   * @param routeKey the route's path in the configuration, such as {@code route.routes[0]}
   * @param nextFlushAt when the group is next considered for a notification
   * @param alerts its alerts
   */
  public record GroupState(
      String key, String routeKey, Instant nextFlushAt, List<AlertState> alerts) {
    public GroupState {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(routeKey, "routeKey");
      Objects.requireNonNull(nextFlushAt, "nextFlushAt");
      alerts = List.copyOf(alerts);
    }
  }

  /**
   * One alert of a group.
   *
   * @param alert the alert as the evaluator last reported it
   * @param holdUntil for a resolved flapping alert, until when the receiver still sees it firing;
   *     otherwise null
   */
  public record AlertState(Alert alert, Instant holdUntil) {
    public AlertState {
      Objects.requireNonNull(alert, "alert");
    }

    /** The alert as the receiver should see it at {@code now}: firing while held. */
    public Alert effective(Instant now) {
      if (alert.status() != AlertStatus.RESOLVED || holdUntil == null || !now.isBefore(holdUntil)) {
        return alert;
      }
      Instant firingSince = alert.firingSince() != null ? alert.firingSince() : alert.activeSince();
      return new Alert(
          alert.labels(),
          alert.annotations(),
          AlertStatus.FIRING,
          alert.activeSince(),
          firingSince,
          null,
          alert.value());
    }
  }
}
