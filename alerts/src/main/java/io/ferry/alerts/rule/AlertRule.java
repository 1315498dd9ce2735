package io.ferry.alerts.rule;

import io.ferry.alerts.Severity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * One alert rule as written in a rule file.
 *
 * @param name the rule's name, the {@code alertname} label of its alerts
 * @param severity how urgent its alerts are
 * @param selector which points it looks at
 * @param condition what makes an alert active
 * @param forDuration how long the condition must hold before the alert fires (pending until then);
 *     zero fires at once
 * @param labels extra labels, such as {@code team: dba}
 * @param summary one-line text template ({@code {{host}}}, {@code {{value}}}, {@code {{since}}} and
 *     any label in double braces)
 * @param description longer text template
 * @param runbook URL of the runbook, may be empty
 * @param phases the migration phases in which the rule applies; empty for always
 * @param file where the rule was read from, for messages
 */
public record AlertRule(
    String name,
    Severity severity,
    SeriesSelector selector,
    Condition condition,
    Duration forDuration,
    Map<String, String> labels,
    String summary,
    String description,
    String runbook,
    Set<Phase> phases,
    String file) {

  public AlertRule {
    labels = Map.copyOf(labels);
    phases = Set.copyOf(phases);
  }

  /** Whether the rule applies in {@code phase}. */
  public boolean appliesIn(Phase phase) {
    return phases.isEmpty() || phases.contains(phase);
  }
}
