package io.ferry.alerts.notify.slack;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.NotificationText;
import java.util.List;

/**
 * The body of a Slack incoming-webhook post: the text in Slack's mrkdwn, plus one coloured
 * attachment so the status shows at a glance.
 *
 * @param text the whole message
 * @param channel channel override, or null
 * @param username poster name override, or null
 * @param attachments one attachment with the status colour
 */
public record SlackMessage(
    String text, String channel, String username, List<Attachment> attachments) {

  /** Colour of a firing notification's attachment. */
  public static final String FIRING_COLOR = "danger";

  /** Colour of a resolved notification's attachment. */
  public static final String RESOLVED_COLOR = "good";

  /** A Slack attachment: a colour bar beside a fallback text. */
  public record Attachment(String color, String fallback) {}

  /** The message for {@code notification}. */
  public static SlackMessage of(Notification notification, SlackConfig config) {
    String title = NotificationText.title(notification);
    StringBuilder text = new StringBuilder("*").append(escape(title)).append('*');
    for (Alert alert : notification.alerts()) {
      text.append('\n').append(line(alert));
    }
    String color = notification.status() == AlertStatus.FIRING ? FIRING_COLOR : RESOLVED_COLOR;
    return new SlackMessage(
        text.toString(),
        config.channel(),
        config.username(),
        List.of(new Attachment(color, title)));
  }

  /**
   * One alert as a line: {@code • FIRING ReplicationStopped on db2: summary (since <time>)
   * <runbook>}.
   */
  static String line(Alert alert) {
    StringBuilder line = new StringBuilder("• ");
    line.append(alert.status() == AlertStatus.FIRING ? "FIRING " : "RESOLVED ");
    line.append('*').append(escape(String.valueOf(alert.name()))).append('*');
    String host = NotificationText.host(alert);
    if (host != null) {
      line.append(" on ").append(escape(host));
    }
    line.append(": ").append(escape(alert.summary()));
    line.append(" (since ").append(NotificationText.startsAt(alert));
    if (alert.status() == AlertStatus.RESOLVED) {
      line.append(", resolved ").append(alert.resolvedAt());
    }
    line.append(')');
    String runbook = alert.annotations().get(Alert.RUNBOOK_URL);
    if (runbook != null) {
      line.append(" <").append(runbook.replace(">", "%3E").replace("|", "%7C")).append("|runbook>");
    }
    return line.toString();
  }

  /** Escapes the three characters Slack's mrkdwn gives a meaning: {@code & < >}. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
