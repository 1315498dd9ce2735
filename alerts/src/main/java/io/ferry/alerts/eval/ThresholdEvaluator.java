package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.lineprotocol.Point;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Threshold rules: per series, the values of the window by timestamp (so a point sent twice, as an
 * agent does after a refused batch, counts once) in a {@link SeriesWindow}, reduced by the rule's
 * aggregate.
 */
final class ThresholdEvaluator implements RuleEvaluator {

  private final AlertRule rule;
  private final Condition.Threshold threshold;
  private final long windowNanos;
  private final Map<Labels, SeriesWindow> windows = new HashMap<>();

  ThresholdEvaluator(AlertRule rule, Condition.Threshold threshold) {
    this.rule = rule;
    this.threshold = threshold;
    this.windowNanos = threshold.window().toNanos();
  }

  @Override
  public Labels observe(Point point, Instant arrival) {
    OptionalDouble value = FieldValues.number(point.fields(), threshold.fields());
    if (value.isEmpty()) {
      return null;
    }
    Labels labels = SeriesLabels.of(rule, point);
    windows
        .computeIfAbsent(labels, key -> new SeriesWindow())
        .put(PointTime.nanos(point, arrival), value.getAsDouble());
    return labels;
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    windows.forEach(
        (labels, window) -> {
          Reading reading = reading(window, now, active.test(labels));
          if (reading != null) {
            sink.accept(labels, reading);
          }
        });
  }

  @Override
  public Reading reading(Labels labels, Instant now, boolean active) {
    SeriesWindow window = windows.get(labels);
    return window == null ? null : reading(window, now, active);
  }

  private Reading reading(SeriesWindow window, Instant now, boolean active) {
    double value =
        window.aggregate(
            threshold.aggregate(),
            Point.epochNanos(now) - windowNanos,
            threshold.percentile(),
            threshold.predict().toNanos() / 1e9);
    if (Double.isNaN(value)) {
      return null;
    }
    boolean holds = active ? threshold.staysActive(value) : threshold.activates(value);
    return Reading.of(holds, value);
  }

  @Override
  public void prune(Instant now) {
    long oldest = Point.epochNanos(now) - windowNanos;
    windows
        .values()
        .removeIf(
            window -> {
              window.dropBefore(oldest);
              return window.isEmpty();
            });
  }

  @Override
  public Set<Labels> known() {
    return windows.keySet();
  }
}
