package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * State rules: the newest value of one field per series. A value older than {@link #STALENESS} no
 * longer counts (the absence rule speaks for a host that went silent).
 */
final class StateEvaluator implements RuleEvaluator {

  /** How long a series' newest value keeps counting without a newer one: 5 minutes. */
  static final Duration STALENESS = Duration.ofMinutes(5);

  /** A series' alert labels (made once, at its first point) and its newest value. */
  private record Latest(Labels labels, long nanos, String value) {}

  private final AlertRule rule;
  private final Condition.State state;
  private final Map<SeriesKey, Latest> latest = new HashMap<>();

  StateEvaluator(AlertRule rule, Condition.State state) {
    this.rule = rule;
    this.state = state;
  }

  @Override
  public Labels observe(Point point, SeriesKey key, Instant arrival) {
    FieldValue value = point.fields().get(state.field());
    if (value == null) {
      return null;
    }
    long nanos = PointTime.nanos(point, arrival);
    Latest previous = latest.get(key);
    Labels labels = previous == null ? SeriesLabels.of(rule, point) : previous.labels();
    if (previous == null || previous.nanos() <= nanos) {
      latest.put(key, new Latest(labels, nanos, FieldValues.text(value)));
    }
    return labels;
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    long oldest = Point.epochNanos(now.minus(STALENESS));
    for (Iterator<Latest> it = latest.values().iterator(); it.hasNext(); ) {
      Latest value = it.next();
      Reading reading = reading(value, oldest);
      if (reading == null) {
        // Stale: no longer counts, and is forgotten in the same walk.
        it.remove();
      } else {
        sink.accept(value.labels(), reading);
      }
    }
  }

  @Override
  public Reading reading(SeriesKey key, Labels labels, Instant now, boolean active) {
    return reading(latest.get(key), Point.epochNanos(now.minus(STALENESS)));
  }

  private Reading reading(Latest value, long oldest) {
    if (value == null || value.nanos() < oldest) {
      return null;
    }
    return new Reading(state.values().contains(value.value()), Double.NaN, value.value());
  }

  @Override
  public Set<Labels> known() {
    Set<Labels> known = new HashSet<>();
    latest.values().forEach(value -> known.add(value.labels()));
    return known;
  }
}
