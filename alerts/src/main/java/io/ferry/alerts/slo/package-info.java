/**
 * Service level objectives: error budgets and multiwindow, multi-burn-rate alerts as in the Google
 * SRE workbook (chapter 5, "Alerting on SLOs").
 *
 * <ul>
 *   <li>{@link io.ferry.alerts.slo.SloDefinition}: what is promised (objective, period, the {@link
 *       io.ferry.alerts.slo.Sli}, which series count) and when to alert ({@link
 *       io.ferry.alerts.slo.BurnRateAlert});
 *   <li>{@link io.ferry.alerts.slo.SloConfigReader}: the {@code slos:} section of a YAML file;
 *   <li>{@link io.ferry.alerts.slo.SloTracker}: turns cumulative counters from points into event
 *       counts over time and evaluates burn rates ({@link io.ferry.alerts.slo.BurnRateEvaluation})
 *       and the budget ({@link io.ferry.alerts.slo.SloStatus}).
 * </ul>
 *
 * <p>Burn rate: the error ratio over a window divided by the error budget {@code 1 - objective}. A
 * burn rate of 1 spends exactly the whole budget over the period; 14.4 spends 2 % of a 30-day
 * budget in one hour. A window without traffic has no burn rate (empty), never 0.
 */
package io.ferry.alerts.slo;
