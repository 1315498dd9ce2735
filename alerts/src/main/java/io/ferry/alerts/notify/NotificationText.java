package io.ferry.alerts.notify;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Function;

/** What the receivers derive alike from a notification: title, common labels, fingerprints. */
public final class NotificationText {

  private NotificationText() {}

  /**
   * A one-line title such as {@code [FIRING:2] ReplicationStopped host=db2} or {@code [RESOLVED:1]
   * ReplicationStopped host=db2}: the status, the number of alerts in it, the rule name and the
   * other group labels.
   */
  public static String title(Notification notification) {
    AlertStatus status = notification.status();
    int count =
        status == AlertStatus.FIRING
            ? notification.firing().size()
            : notification.resolved().size();
    StringJoiner title = new StringJoiner(" ");
    title.add("[" + statusName(status).toUpperCase(Locale.ROOT) + ":" + count + "]");
    Map<String, String> common = commonLabels(notification);
    String name = notification.groupLabels().alertName();
    if (name == null) {
      name = common.get(Labels.ALERT_NAME);
    }
    if (name != null) {
      title.add(name);
    }
    notification
        .groupLabels()
        .values()
        .forEach(
            (label, value) -> {
              if (!label.equals(Labels.ALERT_NAME)) {
                title.add(label + "=" + value);
              }
            });
    return title.toString();
  }

  /** {@code firing} or {@code resolved}, as Alertmanager and PagerDuty spell it. */
  public static String statusName(AlertStatus status) {
    return status == AlertStatus.FIRING ? "firing" : "resolved";
  }

  /** The labels every alert of the notification has, with the same value. */
  public static Map<String, String> commonLabels(Notification notification) {
    return common(notification.alerts(), alert -> alert.labels().values());
  }

  /** The annotations every alert of the notification has, with the same value. */
  public static Map<String, String> commonAnnotations(Notification notification) {
    return common(notification.alerts(), Alert::annotations);
  }

  private static Map<String, String> common(
      List<Alert> alerts, Function<Alert, Map<String, String>> field) {
    if (alerts.isEmpty()) {
      return Map.of();
    }
    Map<String, String> common = new LinkedHashMap<>(field.apply(alerts.get(0)));
    for (Alert alert : alerts.subList(1, alerts.size())) {
      Map<String, String> values = field.apply(alert);
      common.entrySet().removeIf(entry -> !entry.getValue().equals(values.get(entry.getKey())));
    }
    return new TreeMap<>(common);
  }

  /**
   * A stable, opaque identity of an alert: the SHA-256 of {@link Labels#fingerprint()}, as 64
   * lower-case hex digits. Used as PagerDuty's dedup key and the webhook's fingerprint.
   */
  public static String fingerprintHash(Labels labels) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha256.digest(labels.fingerprint().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** When the alert started firing, or became active if it never fired. */
  public static Instant startsAt(Alert alert) {
    return alert.firingSince() != null ? alert.firingSince() : alert.activeSince();
  }

  /** The host the alert is about: its {@code host} label, or null. */
  public static String host(Alert alert) {
    return alert.labels().get("host");
  }
}
