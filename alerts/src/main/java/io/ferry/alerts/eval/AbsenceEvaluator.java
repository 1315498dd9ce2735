package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Absence rules: when each group (such as each host) last sent a point, by arrival time at the
 * collector (so a host with a wrong clock is not taken for silent). Groups from the expected
 * inventory count as seen when the engine started, so a host that never reports fires once {@code
 * after} has passed since then. Groups are kept: forgetting a silent host would end its alert
 * without it coming back.
 */
final class AbsenceEvaluator implements RuleEvaluator {

  private final AlertRule rule;
  private final Condition.Absence absence;
  private final Map<Labels, Instant> lastSeen = new HashMap<>();

  AbsenceEvaluator(AlertRule rule, Condition.Absence absence, Instant startedAt) {
    this.rule = rule;
    this.absence = absence;
    for (Map<String, String> group : absence.expected()) {
      lastSeen.put(SeriesLabels.of(rule, group), startedAt);
    }
  }

  @Override
  public Labels observe(Point point, SeriesKey key, Instant arrival) {
    TreeMap<String, String> group = new TreeMap<>();
    for (String tag : absence.groupBy()) {
      String value = point.tags().get(tag);
      if (value == null) {
        return null;
      }
      group.put(tag, value);
    }
    Labels labels = SeriesLabels.of(rule, group);
    lastSeen.merge(labels, arrival, (old, now) -> now.isAfter(old) ? now : old);
    return labels;
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    lastSeen.forEach((labels, seen) -> sink.accept(labels, reading(seen, now)));
  }

  @Override
  public Reading reading(SeriesKey key, Labels labels, Instant now, boolean active) {
    Instant seen = lastSeen.get(labels);
    return seen == null ? null : reading(seen, now);
  }

  private Reading reading(Instant seen, Instant now) {
    Duration silent = Duration.between(seen, now);
    return Reading.of(silent.compareTo(absence.after()) >= 0, silent.toMillis() / 1000.0);
  }

  @Override
  public Set<Labels> known() {
    return lastSeen.keySet();
  }

  /** When each group was last seen, for the state that survives a restart. */
  Map<Labels, Instant> lastSeen() {
    return Map.copyOf(lastSeen);
  }

  /** Restores last-seen times kept from before a restart (newer times win). */
  void restoreLastSeen(Map<Labels, Instant> kept) {
    kept.forEach((labels, seen) -> lastSeen.merge(labels, seen, (a, b) -> a.isAfter(b) ? a : b));
  }
}
