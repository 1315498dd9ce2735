package io.ferry.alerts.eval;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import java.util.Optional;

/**
 * One change of an alert's status.
 *
 * @param alert the alert as it is now; a pending alert whose condition cleared before it fired is
 *     {@link AlertStatus#RESOLVED} with no {@code firingSince}
 * @param previous its status before, empty when it was inactive
 */
public record Transition(Alert alert, Optional<AlertStatus> previous) {

  /**
   * Whether a person should hear of this change: it started firing, or it resolved after firing.
   */
  public boolean notifiable() {
    return alert.status() == AlertStatus.FIRING
        || (alert.status() == AlertStatus.RESOLVED
            && previous.filter(p -> p == AlertStatus.FIRING).isPresent());
  }
}
