package io.ferry.alerts.eval;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import io.ferry.alerts.SeriesKey;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.alerts.slo.SloStatus;
import io.ferry.alerts.slo.SloTracker;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns points into alerts. The collector calls {@link #ingest} with each accepted batch as it
 * arrives (alerts never wait for InfluxDB) and {@link #evaluate} regularly, for what time alone
 * changes ({@code for} durations, silent hosts, values leaving their window). Both return the
 * status changes they caused. Time is whatever {@code now} the caller passes, so tests run on
 * invented timelines.
 *
 * <p>Thread-safe (one lock): evaluation is cheap per point, and the collector calls it off the
 * event loop.
 */
public final class AlertEngine {

  /**
   * After a restart, how long a restored alert keeps its status while its series has sent nothing
   * yet: 2 minutes, long enough for every agent to report again, so a restart neither resolves nor
   * re-pages a firing alert.
   */
  public static final Duration RESTORE_GRACE = Duration.ofMinutes(2);

  /**
   * A rule with its evaluator.
   *
   * @param selects which points the evaluator is given
   */
  private record Bound(AlertRule rule, RuleEvaluator evaluator, Predicate<Point> selects) {

    Bound(AlertRule rule, RuleEvaluator evaluator) {
      this(rule, evaluator, rule.selector()::matches);
    }
  }

  private record Active(
      Bound bound,
      AlertStatus status,
      Instant activeSince,
      Instant firingSince,
      Reading reading,
      boolean restored) {}

  /**
   * What looks at the points of one measurement: the SLO trackers of its SLIs and the rules that
   * select it.
   */
  private record Route(List<SloTracker> trackers, List<Bound> rules) {}

  /**
   * Routes by measurement: a point of a measurement no rule or SLO selects costs this one lookup
   * and leaves nothing behind.
   */
  private final Map<String, Route> routes = new HashMap<>();

  private final List<SloTracker> sloTrackers;

  private final List<Bound> bound = new ArrayList<>();
  private final Map<Labels, Active> active = new LinkedHashMap<>();
  private Instant graceUntil = Instant.MIN;

  /** Without SLOs. */
  public AlertEngine(List<AlertRule> rules, Phase phase, Instant startedAt) {
    this(rules, List.of(), phase, startedAt);
  }

  /**
   * @param rules every rule; those that do not apply in {@code phase} are left out
   * @param slos the SLOs that {@code slo_burn} rules watch
   * @param phase the migration phase now
   * @param startedAt when the engine starts (expected hosts that never report count from then)
   * @throws IllegalArgumentException when an {@code slo_burn} rule names an SLO that is not defined
   */
  public AlertEngine(
      List<AlertRule> rules, List<SloDefinition> slos, Phase phase, Instant startedAt) {
    Map<String, SloTracker> trackers = new LinkedHashMap<>();
    for (SloDefinition slo : slos) {
      trackers.put(slo.name(), new SloTracker(slo));
    }
    this.sloTrackers = List.copyOf(trackers.values());
    Map<String, List<SloTracker>> trackersByMeasurement = new HashMap<>();
    for (SloTracker tracker : sloTrackers) {
      trackersByMeasurement
          .computeIfAbsent(tracker.slo().sli().measurement(), m -> new ArrayList<>())
          .add(tracker);
    }
    Map<String, List<Bound>> rulesByMeasurement = new HashMap<>();
    for (AlertRule rule : rules) {
      if (!rule.appliesIn(phase)) {
        continue;
      }
      if (rule.condition() instanceof Condition.SloBurn burn) {
        List<SloTracker> watched;
        if (burn.slo().equals("*")) {
          watched = sloTrackers;
        } else if (trackers.containsKey(burn.slo())) {
          watched = List.of(trackers.get(burn.slo()));
        } else {
          throw new IllegalArgumentException(
              rule.file()
                  + ": rule "
                  + rule.name()
                  + " watches SLO "
                  + burn.slo()
                  + ", which is not defined under slos (defined: "
                  + trackers.keySet()
                  + ")");
        }
        // Points reach the trackers through their measurement's route, watched or not: the rule
        // only reads the burn rates at each evaluation.
        bound.add(new Bound(rule, new SloBurnEvaluator(rule, watched), point -> false));
        continue;
      }
      Bound b = new Bound(rule, evaluatorFor(rule, startedAt));
      bound.add(b);
      rulesByMeasurement
          .computeIfAbsent(rule.selector().measurement(), m -> new ArrayList<>())
          .add(b);
    }
    Set<String> measurements = new HashSet<>(trackersByMeasurement.keySet());
    measurements.addAll(rulesByMeasurement.keySet());
    for (String measurement : measurements) {
      routes.put(
          measurement,
          new Route(
              List.copyOf(trackersByMeasurement.getOrDefault(measurement, List.of())),
              List.copyOf(rulesByMeasurement.getOrDefault(measurement, List.of()))));
    }
  }

  private static RuleEvaluator evaluatorFor(AlertRule rule, Instant startedAt) {
    Condition condition = rule.condition();
    if (condition instanceof Condition.Threshold threshold) {
      return new ThresholdEvaluator(rule, threshold);
    } else if (condition instanceof Condition.State state) {
      return new StateEvaluator(rule, state);
    } else if (condition instanceof Condition.Absence absence) {
      return new AbsenceEvaluator(rule, absence, startedAt);
    } else if (condition instanceof Condition.UnsafeWritablePrimaries) {
      return new UnsafeWritablePrimariesEvaluator(rule);
    }
    throw new IllegalArgumentException("no evaluator for " + condition);
  }

  /** Feeds points that arrived at {@code now}; returns the status changes they caused. */
  public synchronized List<Transition> ingest(Collection<Point> points, Instant now) {
    // Per rule, the alerts the batch touched with their series: each read once after the batch.
    Map<Bound, Map<Labels, SeriesKey>> touched = new LinkedHashMap<>();
    for (Point point : points) {
      Route route = routes.get(point.measurement());
      if (route == null) {
        continue;
      }
      // Hashed once here, for every tracker and rule that keeps state for the series.
      SeriesKey key = SeriesKey.of(point);
      for (SloTracker tracker : route.trackers()) {
        tracker.observe(point, key, now);
      }
      for (Bound b : route.rules()) {
        if (b.selects().test(point)) {
          Labels labels = b.evaluator().observe(point, key, now);
          if (labels != null) {
            touched.computeIfAbsent(b, rule -> new LinkedHashMap<>()).putIfAbsent(labels, key);
          }
        }
      }
    }
    List<Transition> transitions = new ArrayList<>();
    touched.forEach(
        (b, series) ->
            series.forEach(
                (labels, key) -> {
                  Active current = active.get(labels);
                  Reading reading = b.evaluator().reading(key, labels, now, current != null);
                  apply(b, labels, reading, now, transitions, true);
                }));
    return transitions;
  }

  /** Evaluates every rule at {@code now}; returns the status changes. */
  public synchronized List<Transition> evaluate(Instant now) {
    List<Transition> transitions = new ArrayList<>();
    for (Bound b : bound) {
      // This rule's pending and firing alerts: usually none or a few, so most readings are passed
      // over without hashing their labels; those left once all are read have no data any more.
      Set<Labels> mine = new HashSet<>();
      active.forEach(
          (labels, a) -> {
            if (a.bound() == b) {
              mine.add(labels);
            }
          });
      Predicate<Labels> isActive = labels -> !mine.isEmpty() && mine.contains(labels);
      b.evaluator()
          .forEachReading(
              now,
              isActive,
              (labels, reading) -> {
                boolean wasActive = !mine.isEmpty() && mine.remove(labels);
                if (reading.holds() || wasActive) {
                  apply(b, labels, reading, now, transitions, false);
                }
              });
      for (Labels labels : mine) {
        apply(b, labels, null, now, transitions, false);
      }
    }
    return transitions;
  }

  private void apply(
      Bound b,
      Labels labels,
      Reading reading,
      Instant now,
      List<Transition> transitions,
      boolean fresh) {
    Active current = active.get(labels);
    if (reading == null) {
      if (current == null || (current.restored() && now.isBefore(graceUntil))) {
        return;
      }
      clear(labels, current, now, transitions);
      return;
    }
    if (!reading.holds()) {
      if (current != null) {
        clear(labels, current, now, transitions);
      }
      return;
    }
    Duration forDuration = b.rule().forDuration();
    if (current == null) {
      boolean fires = forDuration.isZero();
      Active started =
          new Active(
              b,
              fires ? AlertStatus.FIRING : AlertStatus.PENDING,
              now,
              fires ? now : null,
              reading,
              false);
      active.put(labels, started);
      transitions.add(new Transition(alert(labels, started), Optional.empty()));
    } else if (current.status() == AlertStatus.PENDING
        && !now.isBefore(current.activeSince().plus(forDuration))) {
      Active firing = new Active(b, AlertStatus.FIRING, current.activeSince(), now, reading, false);
      active.put(labels, firing);
      transitions.add(new Transition(alert(labels, firing), Optional.of(AlertStatus.PENDING)));
    } else {
      active.put(
          labels,
          new Active(
              b,
              current.status(),
              current.activeSince(),
              current.firingSince(),
              reading,
              current.restored() && !fresh));
    }
  }

  private void clear(Labels labels, Active current, Instant now, List<Transition> transitions) {
    active.remove(labels);
    Alert alert = alert(labels, current).resolved(now);
    transitions.add(new Transition(alert, Optional.of(current.status())));
  }

  private static Alert alert(Labels labels, Active a) {
    AlertRule rule = a.bound().rule();
    Map<String, String> extra = Map.of("threshold", thresholdText(rule));
    Map<String, String> annotations = new LinkedHashMap<>();
    String value = a.reading().text();
    annotations.put(
        Alert.SUMMARY,
        AnnotationTemplate.render(rule.summary(), labels, value, a.activeSince(), extra));
    if (!rule.description().isEmpty()) {
      annotations.put(
          Alert.DESCRIPTION,
          AnnotationTemplate.render(rule.description(), labels, value, a.activeSince(), extra));
    }
    if (!rule.runbook().isEmpty()) {
      annotations.put(
          Alert.RUNBOOK_URL,
          AnnotationTemplate.render(rule.runbook(), labels, value, a.activeSince(), extra));
    }
    return new Alert(
        labels,
        annotations,
        a.status(),
        a.activeSince(),
        a.firingSince(),
        null,
        a.reading().value());
  }

  private static String thresholdText(AlertRule rule) {
    return rule.condition() instanceof Condition.Threshold t
        ? AnnotationTemplate.formatNumber(t.threshold())
        : "<no value>";
  }

  /** The pending and firing alerts, firing first, then by name and labels. */
  public synchronized List<Alert> alerts() {
    return active.entrySet().stream()
        .map(entry -> alert(entry.getKey(), entry.getValue()))
        .sorted(
            Comparator.comparing((Alert alert) -> alert.status() != AlertStatus.FIRING)
                .thenComparing(alert -> alert.labels().fingerprint()))
        .toList();
  }

  /** Compliance, budget and burn rates of every SLO at {@code now}. */
  public List<SloStatus> sloStatuses(Instant now) {
    return sloTrackers.stream().map(tracker -> tracker.status(now)).toList();
  }

  /** The number of series and groups the rules keep data for (memory accounting). */
  public synchronized int trackedSeries() {
    return bound.stream().mapToInt(b -> b.evaluator().known().size()).sum();
  }

  /** What must survive a restart. */
  public synchronized EngineState snapshot(Instant now) {
    List<EngineState.SavedAlert> alerts = new ArrayList<>();
    active.forEach(
        (labels, a) ->
            alerts.add(
                new EngineState.SavedAlert(
                    labels.values(),
                    alert(labels, a).annotations(),
                    a.status().name(),
                    a.activeSince(),
                    a.firingSince(),
                    a.reading().value())));
    Map<String, List<EngineState.SavedSighting>> lastSeen = new LinkedHashMap<>();
    for (Bound b : bound) {
      if (b.evaluator() instanceof AbsenceEvaluator absence) {
        List<EngineState.SavedSighting> sightings = new ArrayList<>();
        absence
            .lastSeen()
            .forEach(
                (labels, seen) ->
                    sightings.add(new EngineState.SavedSighting(labels.values(), seen)));
        lastSeen.put(b.rule().name(), sightings);
      }
    }
    return new EngineState(now, alerts, lastSeen);
  }

  /**
   * Takes back what {@link #snapshot} kept before a restart: alerts keep their status and times (so
   * nobody is paged twice and no firing alert is forgotten) and are re-evaluated once their series
   * report again, or resolved if they still have not after {@link #RESTORE_GRACE}. Alerts of rules
   * that no longer exist are dropped.
   */
  public synchronized void restore(EngineState state, Instant now) {
    Map<String, Bound> byName = new HashMap<>();
    for (Bound b : bound) {
      byName.put(b.rule().name(), b);
    }
    graceUntil = now.plus(RESTORE_GRACE);
    for (EngineState.SavedAlert saved : state.alerts()) {
      Labels labels = Labels.of(saved.labels());
      Bound b = byName.get(labels.alertName());
      if (b == null || active.containsKey(labels)) {
        continue;
      }
      AlertStatus status = AlertStatus.valueOf(saved.status());
      active.put(
          labels,
          new Active(
              b,
              status,
              saved.activeSince(),
              saved.firingSince(),
              Reading.of(true, saved.value()),
              true));
    }
    state
        .lastSeen()
        .forEach(
            (rule, sightings) -> {
              Bound b = byName.get(rule);
              if (b != null && b.evaluator() instanceof AbsenceEvaluator absence) {
                Map<Labels, Instant> kept = new HashMap<>();
                for (EngineState.SavedSighting sighting : sightings) {
                  kept.put(Labels.of(sighting.labels()), sighting.seen());
                }
                absence.restoreLastSeen(kept);
              }
            });
  }
}
