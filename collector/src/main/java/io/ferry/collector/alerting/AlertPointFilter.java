package io.ferry.collector.alerting;

import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.lineprotocol.Point;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which points the alert evaluator needs: those a rule's selector matches, and every point of an
 * SLO's measurement. Only these are queued for the engine or cross the network to the evaluator;
 * the rest go to InfluxDB only. Of a push the collector refuses for now, only its signs of life are
 * needed: the points an absence rule's selector matches.
 */
public final class AlertPointFilter implements Predicate<Point> {

  private final List<AlertRule> rules;
  private final List<AlertRule> absenceRules;
  private final Set<String> sloMeasurements = new HashSet<>();

  public AlertPointFilter(AlertingConfig config) {
    this.rules =
        config.rules().stream()
            .filter(rule -> !(rule.condition() instanceof Condition.SloBurn))
            .toList();
    this.absenceRules =
        rules.stream().filter(rule -> rule.condition() instanceof Condition.Absence).toList();
    for (SloDefinition slo : config.slos()) {
      sloMeasurements.add(slo.sli().measurement());
    }
  }

  /**
   * The points of {@code points} the evaluator needs, in their order, without the body they were
   * read from ({@link Point#withoutSource()}): a queue for the evaluator must not keep a whole body
   * alive for the few points of it a rule selects.
   */
  public List<Point> needed(List<Point> points) {
    return selected(points, this);
  }

  /**
   * The points of a refused push that show its sender alive ({@link #isSignOfLife}), in their
   * order, without their body.
   */
  public List<Point> signsOfLife(List<Point> points) {
    return selected(points, this::isSignOfLife);
  }

  /** Whether an absence rule's selector matches {@code point}: it shows its sender alive. */
  public boolean isSignOfLife(Point point) {
    for (AlertRule rule : absenceRules) {
      if (rule.selector().matches(point)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The points of {@code points} that {@code wanted} accepts, in their order, without the body they
   * were read from: whatever queues them for the evaluator must not keep whole bodies alive.
   */
  public static List<Point> selected(List<Point> points, Predicate<Point> wanted) {
    List<Point> selected = new ArrayList<>();
    for (Point point : points) {
      if (wanted.test(point)) {
        selected.add(point.withoutSource());
      }
    }
    return selected;
  }

  @Override
  public boolean test(Point point) {
    if (sloMeasurements.contains(point.measurement())) {
      return true;
    }
    for (AlertRule rule : rules) {
      if (rule.selector().matches(point)) {
        return true;
      }
    }
    return false;
  }
}
