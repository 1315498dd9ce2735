package io.ferry.alerts.dispatch;

import java.time.Instant;
import java.util.Set;

/**
 * What a receiver was last told about a group.
 *
 * @param receiver the receiver the route names (also when the notification went to the fallback)
 * @param groupKey the group
 * @param firing fingerprints of the alerts announced as firing
 * @param resolved fingerprints of the alerts announced as resolved
 * @param sentAt when it was sent
 */
public record NotificationLogEntry(
    String receiver, String groupKey, Set<String> firing, Set<String> resolved, Instant sentAt) {

  public NotificationLogEntry {
    firing = Set.copyOf(firing);
    resolved = Set.copyOf(resolved);
  }
}
