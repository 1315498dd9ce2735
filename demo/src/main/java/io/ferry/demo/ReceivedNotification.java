package io.ferry.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One notification the demo's webhook receiver took: the collector's webhook JSON (Alertmanager's
 * webhook shape), read as a receiving team would read it, plus when it arrived.
 *
 * @param receivedAt when the receiver took the request
 * @param status {@code firing} or {@code resolved}: the group's status
 * @param receiver the name of the collector's receiver that sent it
 * @param alerts the alerts of the group
 */
public record ReceivedNotification(
    Instant receivedAt, String status, String receiver, List<ReceivedAlert> alerts) {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Go's zero time: Alertmanager's {@code endsAt} of an alert that has not ended. */
  private static final String NOT_ENDED = "0001-01-01T00:00:00Z";

  public ReceivedNotification {
    alerts = List.copyOf(alerts == null ? List.of() : alerts);
  }

  /** The webhook body without the arrival time, as posted. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Body(String status, String receiver, List<ReceivedAlert> alerts) {}

  /**
   * One alert of a notification.
   *
   * @param status {@code firing} or {@code resolved}
   * @param labels {@code alertname}, {@code severity}, {@code host} and the point's other tags
   * @param annotations {@code summary}, {@code description}, {@code runbook}
   * @param startsAt since when it is active (RFC 3339)
   * @param endsAt when it resolved (RFC 3339), Go's zero time while firing
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ReceivedAlert(
      String status,
      Map<String, String> labels,
      Map<String, String> annotations,
      String startsAt,
      String endsAt) {

    public ReceivedAlert {
      labels = Map.copyOf(labels == null ? Map.of() : labels);
      annotations = Map.copyOf(annotations == null ? Map.of() : annotations);
    }

    /** The label {@code name}, or the empty string. */
    public String label(String name) {
      return labels.getOrDefault(name, "");
    }
  }

  /** Whether this notification says {@code alertname} is firing (or resolved) for {@code host}. */
  public boolean concerns(String status, String alertname, String host) {
    return status.equals(this.status)
        && alerts.stream()
            .anyMatch(
                a ->
                    status.equals(a.status())
                        && alertname.equals(a.label("alertname"))
                        && host.equals(a.label("host")));
  }

  /**
   * One readable line per alert, for example {@code [10:16:35 UTC] FIRING ReplicationStopped on
   * old-replica (page), firing since 10:15:30: Replication default on old-replica is sql_stopped};
   * a resolved alert says {@code fired 10:15:30, resolved 10:17:02} instead. The first time is when
   * the notification arrived, all in UTC.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ReceivedAlert alert : alerts) {
      boolean resolved = "resolved".equals(alert.status());
      String when =
          resolved
              ? "fired " + clock(alert.startsAt()) + ", resolved " + clock(alert.endsAt())
              : "firing since " + clock(alert.startsAt());
      lines.add(
          String.format(
              "[%s UTC] %-8s %s on %s (%s), %s: %s",
              CLOCK.format(receivedAt),
              String.valueOf(alert.status()).toUpperCase(Locale.ROOT),
              alert.label("alertname"),
              alert.label("host"),
              alert.label("severity"),
              when,
              alert.annotations().getOrDefault("summary", "(no summary)")));
    }
    return lines;
  }

  private static String clock(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty() || NOT_ENDED.equals(rfc3339)) {
      return "-";
    }
    try {
      return CLOCK.format(Instant.parse(rfc3339));
    } catch (DateTimeParseException e) {
      return rfc3339;
    }
  }
}
