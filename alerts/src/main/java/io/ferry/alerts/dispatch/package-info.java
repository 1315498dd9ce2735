/**
 * The notification pipeline, after Alertmanager's {@code dispatch} and {@code notify} packages: the
 * evaluator reports state changes to the {@link io.ferry.alerts.dispatch.Dispatcher}, which routes
 * each alert ({@link io.ferry.alerts.dispatch.Route}) into groups; when a group's timer expires
 * (group wait, group interval) its alerts pass the stages, each a small class tested alone:
 *
 * <ol>
 *   <li>inhibit ({@link io.ferry.alerts.dispatch.InhibitRule}), silence ({@link
 *       io.ferry.alerts.dispatch.Silences}) and maintenance window ({@link
 *       io.ferry.alerts.dispatch.MaintenanceWindows}): muted alerts are left out;
 *   <li>flap damping ({@link io.ferry.alerts.dispatch.FlapDamping}): a flapping alert's resolved
 *       notice waits until it stayed resolved;
 *   <li>dedup (the notification log): nothing the receiver already knows is sent again before the
 *       repeat interval;
 *   <li>retry ({@link io.ferry.alerts.dispatch.RetryPolicy}) with exponential backoff and jitter,
 *       then the fallback receiver;
 *   <li>send: the receiver's {@link io.ferry.alerts.notify.Notifier} on the host's executor.
 * </ol>
 *
 * <p>No stage reads a clock: every decision uses the {@code now} the caller passes, so tests are
 * exact timelines. {@link io.ferry.alerts.dispatch.DispatchState} keeps what must survive a
 * restart; {@link io.ferry.alerts.dispatch.DispatchConfigReader} reads the configuration.
 */
package io.ferry.alerts.dispatch;
