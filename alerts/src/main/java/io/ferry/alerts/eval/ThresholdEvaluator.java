package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.lineprotocol.Point;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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

  /** A series' alert labels (made once, at its first point) and its window. */
  private record Tracked(Labels labels, SeriesWindow window) {}

  private final Map<SeriesKey, Tracked> windows = new HashMap<>();

  ThresholdEvaluator(AlertRule rule, Condition.Threshold threshold) {
    this.rule = rule;
    this.threshold = threshold;
    this.windowNanos = threshold.window().toNanos();
  }

  @Override
  public Labels observe(Point point, SeriesKey key, Instant arrival) {
    OptionalDouble value = FieldValues.number(point.fields(), threshold.fields());
    if (value.isEmpty()) {
      return null;
    }
    Tracked tracked = windows.get(key);
    if (tracked == null) {
      tracked = new Tracked(SeriesLabels.of(rule, point), new SeriesWindow());
      windows.put(key, tracked);
    }
    tracked.window().put(PointTime.nanos(point, arrival), value.getAsDouble());
    return tracked.labels();
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    long oldest = Point.epochNanos(now) - windowNanos;
    for (Iterator<Tracked> it = windows.values().iterator(); it.hasNext(); ) {
      Tracked tracked = it.next();
      tracked.window().dropBefore(oldest);
      if (tracked.window().isEmpty()) {
        it.remove();
        continue;
      }
      Reading reading = reading(tracked.window(), now, active.test(tracked.labels()));
      if (reading != null) {
        sink.accept(tracked.labels(), reading);
      }
    }
  }

  @Override
  public Reading reading(SeriesKey key, Labels labels, Instant now, boolean active) {
    Tracked tracked = windows.get(key);
    return tracked == null ? null : reading(tracked.window(), now, active);
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
  public Set<Labels> known() {
    Set<Labels> known = new HashSet<>();
    windows.values().forEach(tracked -> known.add(tracked.labels()));
    return known;
  }
}
