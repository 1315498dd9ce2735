package io.ferry.alerts.notify.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.NotificationText;
import java.util.List;
import java.util.Map;

/**
 * The body a webhook receives, in the shape of Alertmanager's webhook (version 4), so that tools
 * written for Alertmanager read it unchanged.
 */
public record WebhookMessage(
    String version,
    String groupKey,
    String status,
    String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    List<WebhookAlert> alerts) {

  /** The Alertmanager webhook version this shape follows. */
  public static final String VERSION = "4";

  /** Alertmanager's {@code endsAt} for an alert that has not ended: Go's zero time. */
  public static final String NOT_ENDED = "0001-01-01T00:00:00Z";

  /** One alert of the message; times are RFC 3339 in UTC. */
  public record WebhookAlert(
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      @JsonProperty("startsAt") String startsAt,
      @JsonProperty("endsAt") String endsAt,
      String fingerprint) {}

  /** The message for {@code notification}. */
  public static WebhookMessage of(Notification notification) {
    return new WebhookMessage(
        VERSION,
        notification.groupKey(),
        NotificationText.statusName(notification.status()),
        notification.receiver(),
        notification.groupLabels().values(),
        NotificationText.commonLabels(notification),
        NotificationText.commonAnnotations(notification),
        notification.alerts().stream().map(WebhookMessage::alert).toList());
  }

  private static WebhookAlert alert(Alert alert) {
    return new WebhookAlert(
        NotificationText.statusName(alert.status()),
        alert.labels().values(),
        alert.annotations(),
        NotificationText.startsAt(alert).toString(),
        alert.status() == AlertStatus.RESOLVED ? alert.resolvedAt().toString() : NOT_ENDED,
        NotificationText.fingerprintHash(alert.labels()));
  }
}
