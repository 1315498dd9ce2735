package io.ferry.alerts.notify.email;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.NotificationText;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The subject and plain-text body of a notification mail.
 *
 * @param subject such as {@code [FIRING:2] ReplicationStopped host=db2}
 * @param body the title, then one paragraph per alert
 */
public record EmailMessage(String subject, String body) {

  /** The mail for {@code notification}. */
  public static EmailMessage of(Notification notification) {
    String title = NotificationText.title(notification);
    StringBuilder body = new StringBuilder(title).append('\n');
    for (Alert alert : notification.alerts()) {
      body.append('\n').append(paragraph(alert));
    }
    return new EmailMessage(title, body.toString());
  }

  private static String paragraph(Alert alert) {
    StringBuilder text = new StringBuilder();
    text.append(alert.status() == AlertStatus.FIRING ? "FIRING " : "RESOLVED ");
    text.append(alert.name());
    String host = NotificationText.host(alert);
    if (host != null) {
      text.append(" on ").append(host);
    }
    text.append('\n');
    line(text, "Summary", alert.summary());
    line(text, "Description", alert.annotations().get(Alert.DESCRIPTION));
    line(text, "Since", NotificationText.startsAt(alert).toString());
    if (alert.status() == AlertStatus.RESOLVED) {
      line(text, "Resolved", alert.resolvedAt().toString());
    }
    line(text, "Runbook", alert.annotations().get(Alert.RUNBOOK_URL));
    StringJoiner labels = new StringJoiner(", ");
    for (Map.Entry<String, String> label : alert.labels().values().entrySet()) {
      labels.add(label.getKey() + "=" + label.getValue());
    }
    line(text, "Labels", labels.toString());
    return text.toString();
  }

  private static void line(StringBuilder text, String name, String value) {
    if (value != null) {
      text.append("  ").append(name).append(": ").append(value).append('\n');
    }
  }
}
