package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The inhibit, silence and maintenance-window stages: whether an alert is left out of its group's
 * notification at a given time, and why. A muted alert stays in its group, so that it is notified
 * once the mute ends (a silence expires, the inhibiting alert resolves, the window closes).
 */
final class MuteStage {

  private final List<InhibitRule> inhibitRules;
  private final Silences silences;
  private final MaintenanceWindows maintenanceWindows;

  MuteStage(
      List<InhibitRule> inhibitRules, Silences silences, MaintenanceWindows maintenanceWindows) {
    this.inhibitRules = List.copyOf(inhibitRules);
    this.silences = silences;
    this.maintenanceWindows = maintenanceWindows;
  }

  /**
   * Why an alert with {@code labels} is muted at {@code now}, empty when it is not.
   *
   * @param firing the labels of every alert firing now (the possible inhibition sources)
   */
  Optional<String> mutedBy(Labels labels, Instant now, Collection<Labels> firing) {
    return inhibitedBy(labels, firing)
        .map(source -> "inhibited by " + source)
        .or(() -> silences.silencing(labels, now).map(silence -> "silence " + silence.id()))
        .or(
            () ->
                maintenanceWindows
                    .muting(labels, now)
                    .map(window -> "maintenance window " + window.name()));
  }

  /** The firing alert that inhibits an alert with {@code labels}, if any. */
  Optional<Labels> inhibitedBy(Labels labels, Collection<Labels> firing) {
    for (InhibitRule rule : inhibitRules) {
      for (Labels source : firing) {
        if (rule.inhibits(source, labels)) {
          return Optional.of(source);
        }
      }
    }
    return Optional.empty();
  }
}
