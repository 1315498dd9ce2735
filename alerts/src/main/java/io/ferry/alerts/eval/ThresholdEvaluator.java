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
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Threshold rules: per series, the values of the window keyed by timestamp (so a point sent twice,
 * as an agent does after a refused batch, counts once), reduced by the rule's aggregate.
 */
final class ThresholdEvaluator implements RuleEvaluator {

  private final AlertRule rule;
  private final Condition.Threshold threshold;
  private final long windowNanos;
  private final Map<Labels, TreeMap<Long, Double>> windows = new HashMap<>();

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
        .computeIfAbsent(labels, key -> new TreeMap<>())
        .put(PointTime.nanos(point, arrival), value.getAsDouble());
    return labels;
  }

  @Override
  public Map<Labels, Reading> readings(Instant now, Predicate<Labels> active) {
    Map<Labels, Reading> readings = new HashMap<>();
    for (Labels labels : windows.keySet()) {
      Reading reading = reading(labels, now, active.test(labels));
      if (reading != null) {
        readings.put(labels, reading);
      }
    }
    return readings;
  }

  @Override
  public Reading reading(Labels labels, Instant now, boolean active) {
    TreeMap<Long, Double> window = windows.get(labels);
    if (window == null) {
      return null;
    }
    long nowNanos = Point.epochNanos(now);
    Map<Long, Double> inWindow = window.tailMap(nowNanos - windowNanos, true);
    if (inWindow.isEmpty()) {
      return null;
    }
    double[] seconds = new double[inWindow.size()];
    double[] values = new double[inWindow.size()];
    int i = 0;
    for (Map.Entry<Long, Double> entry : inWindow.entrySet()) {
      seconds[i] = (entry.getKey() - nowNanos) / 1e9;
      values[i] = entry.getValue();
      i++;
    }
    double value =
        threshold
            .aggregate()
            .apply(seconds, values, threshold.percentile(), threshold.predict().toNanos() / 1e9);
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
              window.headMap(oldest, false).clear();
              return window.isEmpty();
            });
  }

  @Override
  public Set<Labels> known() {
    return windows.keySet();
  }
}
