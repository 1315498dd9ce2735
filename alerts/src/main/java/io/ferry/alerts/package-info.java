/**
 * Ferry's alerting, as a library that knows nothing of HTTP servers or InfluxDB: the collector
 * feeds it points and mounts its API.
 *
 * <ul>
 *   <li>{@code rule}: the rule model and the YAML rule-file reader;
 *   <li>{@code eval}: the evaluator that turns points into {@link io.ferry.alerts.Alert}s with
 *       pending, firing and resolved states;
 *   <li>{@code slo}: service level objectives, error budgets and burn rates;
 *   <li>{@code dispatch}: the notification pipeline (inhibit, silence, maintenance window, group,
 *       dedup, retry, send) driven by an injected clock;
 *   <li>{@code notify}: one package per receiver (webhook, Slack, PagerDuty, Alertmanager, e-mail).
 * </ul>
 *
 * <p>The types in this package are the vocabulary they share.
 */
package io.ferry.alerts;
