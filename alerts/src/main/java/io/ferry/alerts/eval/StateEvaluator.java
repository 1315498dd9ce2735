package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

  private record Latest(long nanos, String value) {}

  private final AlertRule rule;
  private final Condition.State state;
  private final Map<Labels, Latest> latest = new HashMap<>();

  StateEvaluator(AlertRule rule, Condition.State state) {
    this.rule = rule;
    this.state = state;
  }

  @Override
  public Labels observe(Point point, Instant arrival) {
    FieldValue value = point.fields().get(state.field());
    if (value == null) {
      return null;
    }
    Labels labels = SeriesLabels.of(rule, point);
    long nanos = PointTime.nanos(point, arrival);
    Latest previous = latest.get(labels);
    if (previous == null || previous.nanos() <= nanos) {
      latest.put(labels, new Latest(nanos, FieldValues.text(value)));
    }
    return labels;
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    long oldest = Point.epochNanos(now.minus(STALENESS));
    latest.forEach(
        (labels, value) -> {
          Reading reading = reading(value, oldest);
          if (reading != null) {
            sink.accept(labels, reading);
          }
        });
  }

  @Override
  public Reading reading(Labels labels, Instant now, boolean active) {
    return reading(latest.get(labels), Point.epochNanos(now.minus(STALENESS)));
  }

  private Reading reading(Latest value, long oldest) {
    if (value == null || value.nanos() < oldest) {
      return null;
    }
    return new Reading(state.values().contains(value.value()), Double.NaN, value.value());
  }

  @Override
  public void prune(Instant now) {
    long oldest = Point.epochNanos(now.minus(STALENESS));
    latest.values().removeIf(value -> value.nanos() < oldest);
  }

  @Override
  public Set<Labels> known() {
    return latest.keySet();
  }
}
