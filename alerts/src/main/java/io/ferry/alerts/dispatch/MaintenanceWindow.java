package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A planned change (a cutover, a failover drill) during which the alerts it is expected to raise
 * are muted, e.g. {@code alertname=~"ReadOnlyWrongSide|ReplicationDirection.*"}; every other alert
 * still pages. Unlike a {@link Silence} it is planned ahead, in the configuration or at run time,
 * and named.
 *
 * @param name unique name, such as {@code cutover-2025-06-01}
 * @param start when muting starts (inclusive)
 * @param end when muting ends (exclusive)
 * @param matchers the alerts expected during the change (all matchers must match)
 */
public record MaintenanceWindow(String name, Instant start, Instant end, List<Matcher> matchers) {

  public MaintenanceWindow {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a maintenance window needs a name");
    }
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    matchers = List.copyOf(matchers);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "maintenance window " + name + " must end after it starts");
    }
    if (matchers.isEmpty()) {
      throw new IllegalArgumentException(
          "maintenance window " + name + " needs matchers: it must not mute every alert");
    }
  }

  /** Whether it mutes an alert with {@code labels} at {@code now}. */
  public boolean mutes(Labels labels, Instant now) {
    return !now.isBefore(start) && now.isBefore(end) && Matcher.matchesAll(matchers, labels);
  }
}
