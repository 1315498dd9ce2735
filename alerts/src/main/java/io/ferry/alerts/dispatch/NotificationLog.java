package io.ferry.alerts.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dedup stage: what each receiver was last told about each group, so that nothing is sent
 * twice, and the decision whether a group's current state needs a notification. Not thread-safe:
 * the dispatcher calls it under its lock.
 */
final class NotificationLog {

  /** How long an entry of a group that no longer exists is kept: 5 days. */
  static final Duration RETENTION = Duration.ofDays(5);

  private final Map<Key, NotificationLogEntry> entries = new HashMap<>();

  private record Key(String receiver, String groupKey) {}

  Optional<NotificationLogEntry> last(String receiver, String groupKey) {
    return Optional.ofNullable(entries.get(new Key(receiver, groupKey)));
  }

  void record(NotificationLogEntry entry) {
    entries.put(new Key(entry.receiver(), entry.groupKey()), entry);
  }

  /**
   * Whether a group with {@code firing} alerts (unmuted) and {@code resolvedKnown} alerts (resolved
   * ones the receiver was told were firing) must be notified at {@code now}: when it has never been
   * notified and something fires, when an alert fires that the receiver was not told of, when an
   * alert the receiver knows resolved, or when the last notification is {@code repeatInterval} old
   * and something still fires.
   */
  static boolean needsUpdate(
      Optional<NotificationLogEntry> last,
      Set<String> firing,
      Set<String> resolvedKnown,
      Duration repeatInterval,
      Instant now) {
    if (last.isEmpty()) {
      return !firing.isEmpty();
    }
    NotificationLogEntry entry = last.get();
    if (!entry.firing().containsAll(firing)) {
      return true;
    }
    if (!resolvedKnown.isEmpty()) {
      return true;
    }
    return !firing.isEmpty() && !now.isBefore(entry.sentAt().plus(repeatInterval));
  }

  /** Drops entries older than {@link #RETENTION} whose group is gone. */
  void dropOld(Instant now, Set<String> liveGroupKeys) {
    Instant cutoff = now.minus(RETENTION);
    entries
        .values()
        .removeIf(
            entry -> entry.sentAt().isBefore(cutoff) && !liveGroupKeys.contains(entry.groupKey()));
  }

  List<NotificationLogEntry> snapshot() {
    return List.copyOf(entries.values());
  }

  void restore(Collection<NotificationLogEntry> saved) {
    entries.clear();
    saved.forEach(this::record);
  }
}
