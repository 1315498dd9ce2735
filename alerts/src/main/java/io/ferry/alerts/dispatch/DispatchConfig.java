package io.ferry.alerts.dispatch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dispatcher's configuration, as {@link DispatchConfigReader} reads it from the {@code alerts}
 * section.
 *
 * @param route the routing tree's root (config {@code route})
 * @param inhibitRules config {@code inhibit_rules}
 * @param maintenanceWindows config {@code maintenance_windows}
 * @param fallbackReceiver the receiver that gets a notification its own receiver did not take after
 *     every retry (config {@code fallback_receiver}); empty: none, such a notification is logged as
 *     an error and tried again at the group's next interval
 * @param retry config {@code retry}
 * @param flap config {@code flap}
 */
public record DispatchConfig(
    Route route,
    List<InhibitRule> inhibitRules,
    List<MaintenanceWindow> maintenanceWindows,
    Optional<String> fallbackReceiver,
    RetryPolicy retry,
    FlapDamping flap) {

  public DispatchConfig {
    Objects.requireNonNull(route, "route");
    inhibitRules = List.copyOf(inhibitRules);
    maintenanceWindows = List.copyOf(maintenanceWindows);
    Objects.requireNonNull(fallbackReceiver, "fallbackReceiver");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(flap, "flap");
  }

  /** A configuration with only a routing tree; everything else at its default. */
  public static DispatchConfig of(Route route) {
    return new DispatchConfig(
        route, List.of(), List.of(), Optional.empty(), RetryPolicy.DEFAULTS, FlapDamping.DEFAULTS);
  }

  /** This configuration with {@code inhibitRules}. */
  public DispatchConfig withInhibitRules(List<InhibitRule> rules) {
    return new DispatchConfig(route, rules, maintenanceWindows, fallbackReceiver, retry, flap);
  }

  /** This configuration with {@code windows}. */
  public DispatchConfig withMaintenanceWindows(List<MaintenanceWindow> windows) {
    return new DispatchConfig(route, inhibitRules, windows, fallbackReceiver, retry, flap);
  }

  /** This configuration with a fallback receiver. */
  public DispatchConfig withFallbackReceiver(String receiver) {
    return new DispatchConfig(
        route, inhibitRules, maintenanceWindows, Optional.of(receiver), retry, flap);
  }

  /** This configuration with {@code retry}. */
  public DispatchConfig withRetry(RetryPolicy policy) {
    return new DispatchConfig(
        route, inhibitRules, maintenanceWindows, fallbackReceiver, policy, flap);
  }

  /** This configuration with {@code flap}. */
  public DispatchConfig withFlap(FlapDamping damping) {
    return new DispatchConfig(
        route, inhibitRules, maintenanceWindows, fallbackReceiver, retry, damping);
  }
}
