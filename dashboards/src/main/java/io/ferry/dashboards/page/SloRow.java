package io.ferry.dashboards.page;

import java.util.List;

/**
 * One SLO's standing.
 *
 * @param name the SLO's name
 * @param objective the objective, from 0 to 1
 * @param period its period, e.g. {@code 30 d}
 * @param compliance good over total events over the period, or null without events
 * @param budgetRemaining the error budget left, 1 = untouched, negative = overspent; null without
 *     events
 * @param burnRates the burn rate per alert window, shortest first
 * @param totalEvents events counted over the period
 * @param badEvents bad events over the period
 * @param charts the error budget left and the burn rate per window over the page's range
 */
public record SloRow(
    String name,
    double objective,
    String period,
    Double compliance,
    Double budgetRemaining,
    List<BurnRate> burnRates,
    double totalEvents,
    double badEvents,
    List<ChartRef> charts) {

  /** The burn rate over one window; null when the window had no events. */
  public record BurnRate(String window, Double rate) {}

  public SloRow {
    burnRates = List.copyOf(burnRates);
    charts = List.copyOf(charts);
  }

  /** Whether the budget is spent. */
  public boolean exhausted() {
    return budgetRemaining != null && budgetRemaining <= 0;
  }
}
