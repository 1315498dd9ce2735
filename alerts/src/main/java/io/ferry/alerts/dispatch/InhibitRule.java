package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.util.List;
import java.util.Objects;

/**
 * Mutes alerts while a related alert fires, as Alertmanager's {@code inhibit_rules}: a firing alert
 * matching {@code source} mutes every other alert matching {@code target} that has the same values
 * (or lacks the label alike) for every label in {@code equal}.
 *
 * <p>Examples: source {@code alertname="HostSilent"}, target {@code alertname!="HostSilent"}, equal
 * {@code [host]}: a silent host does not also page for its disk and its replication. Source {@code
 * alertname="ReplicationStopped"}, target {@code alertname="ReplicationLagHigh"}, equal {@code
 * [cluster]}: stopped replication upstream mutes the lag it causes downstream.
 *
 * @param source matchers of the alert that mutes
 * @param target matchers of the alerts it mutes
 * @param equal labels that must be equal in source and target
 */
public record InhibitRule(List<Matcher> source, List<Matcher> target, List<String> equal) {

  public InhibitRule {
    source = List.copyOf(source);
    target = List.copyOf(target);
    equal = List.copyOf(equal);
  }

  /** Whether the firing alert with {@code source} labels mutes the alert with {@code target}. */
  public boolean inhibits(Labels sourceLabels, Labels targetLabels) {
    if (sourceLabels.equals(targetLabels)
        || !Matcher.matchesAll(source, sourceLabels)
        || !Matcher.matchesAll(target, targetLabels)) {
      return false;
    }
    for (String name : equal) {
      if (!Objects.equals(sourceLabels.get(name), targetLabels.get(name))) {
        return false;
      }
    }
    return true;
  }
}
