package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.lineprotocol.Point;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** The part of the engine that knows one kind of rule: what it keeps of points, how it decides. */
interface RuleEvaluator {

  /**
   * Keeps what the rule needs of a point its selector matched.
   *
   * @param key the point's series, hashed once for every rule that looks at the point
   * @param arrival when the point reached the collector (its time when it carries none)
   * @return the labels of the alert the point may change, or null when it changes none
   */
  Labels observe(Point point, SeriesKey key, Instant arrival);

  /**
   * Passes {@code sink} the reading of every alert the rule knows about at {@code now}; an alert
   * the rule has no data for is left out, and data older than the rule can use is dropped on the
   * way, so one tick walks the rule's series once. A visitor rather than a map, so a tick over
   * 100,000 series builds no map and hashes no labels it need not.
   *
   * @param active whether an alert is pending or firing now (for hysteresis)
   */
  void forEachReading(Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink);

  /**
   * The reading of the alert {@link #observe} just returned {@code labels} for, the point's series
   * being {@code key}; null without data. Cheaper than all readings after a point.
   */
  Reading reading(SeriesKey key, Labels labels, Instant now, boolean active);

  /** Keys of the alerts this rule has data for (for the engine's memory accounting and tests). */
  Set<Labels> known();
}
