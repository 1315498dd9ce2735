package io.ferry.alerts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert: a rule's condition for one set of labels (one host, one replication channel, one SLO
 * window pair).
 *
 * @param labels identity: {@code alertname}, {@code severity}, the rule's labels and the series'
 *     tags
 * @param annotations rendered texts: {@code summary}, {@code description}, {@code runbook_url}
 * @param status pending, firing or resolved
 * @param activeSince when the condition started to hold (the start of pending)
 * @param firingSince when it started firing; empty while pending
 * @param resolvedAt when it resolved; empty unless {@link AlertStatus#RESOLVED}
 * @param value the value that decided the latest evaluation (a lag in seconds, a burn rate), or NaN
 *     where there is none (a state, an absence)
 */
public record Alert(
    Labels labels,
    Map<String, String> annotations,
    AlertStatus status,
    Instant activeSince,
    Instant firingSince,
    Instant resolvedAt,
    double value) {

  /** Annotation holding the one-line summary. */
  public static final String SUMMARY = "summary";

  /** Annotation holding the longer description. */
  public static final String DESCRIPTION = "description";

  /** Annotation holding the runbook's URL. */
  public static final String RUNBOOK_URL = "runbook_url";

  public Alert {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(activeSince, "activeSince");
    annotations = Map.copyOf(annotations);
    if (status == AlertStatus.FIRING && firingSince == null) {
      throw new IllegalArgumentException("a firing alert needs firingSince: " + labels);
    }
    if (status == AlertStatus.RESOLVED && resolvedAt == null) {
      throw new IllegalArgumentException("a resolved alert needs resolvedAt: " + labels);
    }
  }

  /** The rule's name. */
  public String name() {
    return labels.alertName();
  }

  /** The severity from the labels; {@link Severity#WARNING} when the label is missing. */
  public Severity severity() {
    return Optional.ofNullable(labels.get(Labels.SEVERITY))
        .flatMap(Severity::fromConfigName)
        .orElse(Severity.WARNING);
  }

  /** The summary annotation, or the rule name when there is none. */
  public String summary() {
    return annotations.getOrDefault(SUMMARY, name());
  }

  /** This alert resolved at {@code at}. */
  public Alert resolved(Instant at) {
    return new Alert(
        labels, annotations, AlertStatus.RESOLVED, activeSince, firingSince, at, value);
  }
}
