package io.ferry.alerts.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the engine keeps across a restart of the collector: its pending and firing alerts and when
 * each silent-host group was last seen. Plain data for JSON data binding.
 *
 * @param savedAt when it was taken
 * @param alerts the pending and firing alerts
 * @param lastSeen per absence rule, group fingerprint to labels and last arrival
 */
public record EngineState(
    Instant savedAt, List<SavedAlert> alerts, Map<String, List<SavedSighting>> lastSeen) {

  public EngineState {
    alerts = List.copyOf(alerts);
    lastSeen = Map.copyOf(lastSeen);
  }

  /** One pending or firing alert. */
  public record SavedAlert(
      Map<String, String> labels,
      Map<String, String> annotations,
      String status,
      Instant activeSince,
      Instant firingSince,
      double value) {}

  /** When one group of an absence rule was last seen. */
  public record SavedSighting(Map<String, String> labels, Instant seen) {}
}
