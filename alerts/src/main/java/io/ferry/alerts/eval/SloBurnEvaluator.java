package io.ferry.alerts.eval;

import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.slo.BurnRateAlert;
import io.ferry.alerts.slo.BurnRateEvaluation;
import io.ferry.alerts.slo.SloTracker;
import io.ferry.lineprotocol.Point;
import io.ferry.yamlconfig.ConfigUnits;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * SLO burn rules: each SLO's trackers count good and total events; every burn-rate alert of every
 * SLO the rule names is one alert, labelled {@code slo}, {@code window} ({@code 1h/5m}) and the
 * burn-rate alert's own severity. Its value is the long window's burn rate; when the long window
 * saw fewer events than the SLO's {@code min_events} the text says so, since a handful of errors
 * then makes a large rate.
 */
final class SloBurnEvaluator implements RuleEvaluator {

  private final AlertRule rule;
  private final List<SloTracker> trackers;
  private Instant evaluatedAt;
  private Map<Labels, Reading> lastReadings = Map.of();

  SloBurnEvaluator(AlertRule rule, List<SloTracker> trackers) {
    this.rule = rule;
    this.trackers = List.copyOf(trackers);
  }

  List<SloTracker> trackers() {
    return trackers;
  }

  /**
   * Points reach the trackers through the engine's routes; burn rates move with time more than with
   * one point, so the regular evaluation decides.
   */
  @Override
  public Labels observe(Point point, SeriesKey key, Instant arrival) {
    return null;
  }

  @Override
  public void forEachReading(
      Instant now, Predicate<Labels> active, BiConsumer<Labels, Reading> sink) {
    readings(now).forEach(sink);
  }

  private Map<Labels, Reading> readings(Instant now) {
    if (now.equals(evaluatedAt)) {
      return lastReadings;
    }
    Map<Labels, Reading> readings = new LinkedHashMap<>();
    for (SloTracker tracker : trackers) {
      for (BurnRateEvaluation evaluation : tracker.evaluate(now)) {
        BurnRateAlert alert = evaluation.alert();
        TreeMap<String, String> values = new TreeMap<>(rule.labels());
        values.put("slo", tracker.slo().name());
        values.put(
            "window",
            ConfigUnits.formatDuration(alert.longWindow())
                + "/"
                + ConfigUnits.formatDuration(alert.shortWindow()));
        values.put(Labels.ALERT_NAME, rule.name());
        values.put(Labels.SEVERITY, alert.severity().configName());
        double rate = evaluation.longBurnRate().orElse(Double.NaN);
        String text = AnnotationTemplate.formatNumber(rate);
        if (evaluation.lowTraffic()) {
          text +=
              " (low traffic: only "
                  + AnnotationTemplate.formatNumber(evaluation.longWindowEvents())
                  + " events in the long window)";
        }
        readings.put(new Labels(values), new Reading(evaluation.firing(), rate, text));
      }
    }
    evaluatedAt = now;
    lastReadings = readings;
    return readings;
  }

  @Override
  public Reading reading(SeriesKey key, Labels labels, Instant now, boolean active) {
    return readings(now).get(labels);
  }

  @Override
  public Set<Labels> known() {
    return lastReadings.keySet();
  }
}
