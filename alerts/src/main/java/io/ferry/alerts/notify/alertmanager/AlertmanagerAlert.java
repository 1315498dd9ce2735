package io.ferry.alerts.notify.alertmanager;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.notify.NotificationText;
import java.net.URI;
import java.util.Map;

/**
 * One alert as Alertmanager's API v2 takes it ({@code postableAlert}). A firing alert has no {@code
 * endsAt}; a resolved one ends at its resolution time, which tells Alertmanager it is over.
 */
public record AlertmanagerAlert(
    Map<String, String> labels,
    Map<String, String> annotations,
    @JsonProperty("startsAt") String startsAt,
    @JsonProperty("endsAt") String endsAt,
    @JsonProperty("generatorURL") String generatorUrl) {

  /** The API's form of {@code alert}. */
  public static AlertmanagerAlert of(Alert alert, URI generatorUrl) {
    return new AlertmanagerAlert(
        alert.labels().values(),
        alert.annotations(),
        NotificationText.startsAt(alert).toString(),
        alert.status() == AlertStatus.RESOLVED ? alert.resolvedAt().toString() : null,
        generatorUrl == null ? null : generatorUrl.toString());
  }
}
