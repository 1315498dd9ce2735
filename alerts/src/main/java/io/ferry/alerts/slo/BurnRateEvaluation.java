package io.ferry.alerts.slo;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One {@link BurnRateAlert} evaluated at one instant.
 *
 * @param alert the alert evaluated
 * @param longBurnRate the burn rate over the long window; empty when the window had no events
 * @param shortBurnRate the burn rate over the short window; empty when the window had no events
 * @param longWindowEvents the number of events in the long window
 * @param firing whether both burn rates are known and above {@link BurnRateAlert#burnRate()}
 * @param lowTraffic whether the long window saw fewer than {@link SloDefinition#minEvents()}
 *     events, so that a few errors make a large burn rate: the caller may hold a page back
 */
public record BurnRateEvaluation(
    BurnRateAlert alert,
    OptionalDouble longBurnRate,
    OptionalDouble shortBurnRate,
    double longWindowEvents,
    boolean firing,
    boolean lowTraffic) {

  public BurnRateEvaluation {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(longBurnRate, "longBurnRate");
    Objects.requireNonNull(shortBurnRate, "shortBurnRate");
  }
}
