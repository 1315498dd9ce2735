package io.ferry.alerts.notify;

/**
 * Delivers notifications to one receiver (a webhook, Slack, PagerDuty, Alertmanager, e-mail).
 * Implementations block while they send, so the dispatcher calls them on a worker thread, never on
 * an event loop; they never log secrets (tokens, passwords, webhook URLs with keys).
 */
public interface Notifier {

  /** The configured receiver's name, for logs and metrics. */
  String name();

  /**
   * Sends one notification.
   *
   * @throws NotifyException when the receiver did not take it; {@link NotifyException#retryable()}
   *     says whether sending the same notification again may succeed
   */
  void send(Notification notification) throws NotifyException;
}
