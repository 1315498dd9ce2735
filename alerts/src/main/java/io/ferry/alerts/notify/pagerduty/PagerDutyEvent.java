package io.ferry.alerts.notify.pagerduty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Severity;
import io.ferry.alerts.notify.NotificationText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of PagerDuty's Events API v2: a trigger for a firing alert, a resolve for a resolved
 * one, both with the same dedup key so PagerDuty closes the incident the trigger opened.
 */
public record PagerDutyEvent(
    @JsonProperty("routing_key") String routingKey,
    @JsonProperty("event_action") String eventAction,
    @JsonProperty("dedup_key") String dedupKey,
    Payload payload,
    String client,
    List<Link> links) {

  /** What PagerDuty shows as the sender. */
  public static final String CLIENT = "Ferry";

  /** PagerDuty's summary limit, in characters. */
  static final int MAX_SUMMARY = 1024;

  /** The incident's details. */
  public record Payload(
      String summary,
      String source,
      String severity,
      String timestamp,
      @JsonProperty("custom_details") Map<String, Object> customDetails) {}

  /** A link shown on the incident, such as the runbook. */
  public record Link(String href, String text) {}

  @Override
  public String toString() {
    return "PagerDutyEvent[" + eventAction + " " + dedupKey + "]";
  }

  /**
   * The event for {@code alert}; {@code routingKey} is sent, never shown by {@link #toString()}.
   */
  public static PagerDutyEvent of(Alert alert, String routingKey, String defaultSource) {
    boolean firing = alert.status() != AlertStatus.RESOLVED;
    String host = NotificationText.host(alert);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("labels", alert.labels().values());
    details.put("annotations", alert.annotations());
    if (!Double.isNaN(alert.value())) {
      details.put("value", alert.value());
    }
    String summary = alert.summary();
    if (summary.length() > MAX_SUMMARY) {
      summary = summary.substring(0, MAX_SUMMARY);
    }
    var payload =
        new Payload(
            summary,
            host != null ? host : defaultSource,
            severity(alert.severity()),
            (firing ? NotificationText.startsAt(alert) : alert.resolvedAt()).toString(),
            details);
    String runbook = alert.annotations().get(Alert.RUNBOOK_URL);
    return new PagerDutyEvent(
        routingKey,
        firing ? "trigger" : "resolve",
        NotificationText.fingerprintHash(alert.labels()),
        payload,
        CLIENT,
        runbook == null ? null : List.of(new Link(runbook, "Runbook")));
  }

  /** PagerDuty's severity for a Ferry severity. */
  public static String severity(Severity severity) {
    return switch (severity) {
      case PAGE -> "critical";
      case TICKET -> "error";
      case WARNING -> "warning";
      case INFO -> "info";
    };
  }
}
