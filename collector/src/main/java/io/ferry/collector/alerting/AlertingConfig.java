package io.ferry.collector.alerting;

import io.ferry.alerts.dispatch.DispatchConfig;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.rule.AlertRule;
import io.ferry.alerts.rule.Condition;
import io.ferry.alerts.rule.Phase;
import io.ferry.alerts.slo.SloDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The collector's {@code alerts:} section, read and checked.
 *
 * @param rules the rules of every rule file
 * @param phase the migration phase, for rules that depend on it
 * @param evaluationInterval how often the engine evaluates what time alone changes; the dispatcher
 *     is asked what is due every 100 ms whatever it is
 * @param stateFile where alert state (pending and firing alerts, silences, what was sent) is kept
 *     across restarts; empty to keep none
 * @param notifiers one per receiver
 * @param dispatch routes, inhibition, maintenance windows, retry and flap damping
 * @param slos the service level objectives
 * @param maxQueuedPoints {@code max_queued_points}: the most points the alert rules need that may
 *     wait for the engine (accepted, not yet observed); a push that would pass it is answered 503
 *     with {@code Retry-After} and nothing of it is queued or written; default {@code auto}, a
 *     quarter of {@code influxdb.max_pending_points} ({@link #defaultMaxQueuedPoints})
 */
public record AlertingConfig(
    List<AlertRule> rules,
    Phase phase,
    Duration evaluationInterval,
    Optional<Path> stateFile,
    Map<String, Notifier> notifiers,
    DispatchConfig dispatch,
    List<SloDefinition> slos,
    int maxQueuedPoints) {

  /** Default of {@code evaluation_interval}: 1 second. */
  public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(1);

  /** Default of {@code phase}: before the switch. */
  public static final Phase DEFAULT_PHASE = Phase.PRE;

  /** {@code auto} for {@code max_queued_points} is this fraction of the writer's bound: 1/4. */
  public static final int QUEUED_POINTS_DIVISOR = 4;

  /**
   * The default of {@code max_queued_points}: a quarter of {@code influxdb.max_pending_points}
   * (50,000 with its default). The engine observes hundreds of thousands of points per CPU-second,
   * so that is well under a second of its work and about 1.5 s of what a fleet of 2,000 agents
   * sends it; the queued points' heap is added to the writer's in the sizing (docs/decisions.md).
   */
  public static int defaultMaxQueuedPoints(int maxPendingPoints) {
    return Math.max(1, maxPendingPoints / QUEUED_POINTS_DIVISOR);
  }

  public AlertingConfig {
    rules = List.copyOf(rules);
    notifiers = Map.copyOf(notifiers);
    slos = List.copyOf(slos);
  }

  /**
   * The host inventory: the {@code expected}/{@code expected_file} names of every absence rule
   * grouped by {@code host} that applies in {@link #phase()}, sorted.
   */
  public SortedSet<String> expectedHosts() {
    SortedSet<String> hosts = new TreeSet<>();
    for (AlertRule rule : rules) {
      if (rule.appliesIn(phase) && rule.condition() instanceof Condition.Absence absence) {
        for (Map<String, String> group : absence.expected()) {
          String host = group.get("host");
          if (host != null) {
            hosts.add(host);
          }
        }
      }
    }
    return hosts;
  }
}
