package io.ferry.alerts.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of one SLO for dashboards and metrics. Every ratio is empty when its window had no
 * events: no traffic is neither compliance nor a burn rate of 0.
 *
 * @param slo the SLO's name
 * @param at the instant the snapshot is for
 * @param compliance good over total events over the period, from 0 to 1
 * @param errorBudgetRemaining {@code 1 - bad / ((1 - objective) × total)} over the period: 1 with
 *     no bad event, 0 when the budget is spent, negative when overspent
 * @param burnRates the burn rate over each window of the SLO's alerts, shortest window first
 * @param totalEvents all events counted over the period
 * @param badEvents the events that were not good, over the period
 * @param lowTraffic whether the long window of one of the SLO's alerts (for an SLO without alerts:
 *     the period) saw fewer than {@link SloDefinition#minEvents()} events, so that its burn rate
 *     says little
 */
public record SloStatus(
    String slo,
    Instant at,
    OptionalDouble compliance,
    OptionalDouble errorBudgetRemaining,
    SortedMap<Duration, OptionalDouble> burnRates,
    double totalEvents,
    double badEvents,
    boolean lowTraffic) {

  public SloStatus {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(compliance, "compliance");
    Objects.requireNonNull(errorBudgetRemaining, "errorBudgetRemaining");
    burnRates = Collections.unmodifiableSortedMap(new TreeMap<>(burnRates));
  }
}
