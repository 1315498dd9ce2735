package io.ferry.alerts.notify.pagerduty;

import io.ferry.alerts.Alert;
import io.ferry.alerts.notify.JsonHttpSender;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;

/**
 * Sends one PagerDuty event per alert of a notification. PagerDuty answers 202 to an accepted
 * event. Sending stops at the first failure; sending the notification again is safe because the
 * dedup keys make repeated events no-ops.
 */
public final class PagerDutyNotifier implements Notifier {

  /** The status PagerDuty answers to an accepted event. */
  public static final int ACCEPTED = 202;

  private final String name;
  private final PagerDutyConfig config;
  private final JsonHttpSender sender;

  public PagerDutyNotifier(String name, PagerDutyConfig config) {
    this.name = name;
    this.config = config;
    this.sender =
        new JsonHttpSender(
            "pagerduty receiver "
                + name
                + " ("
                + JsonHttpSender.withoutCredentials(config.url())
                + ")",
            config.url(),
            config.timeout());
  }

  @Override
  public String name() {
    return name;
  }

  /** The configuration it was built from. */
  public PagerDutyConfig config() {
    return config;
  }

  @Override
  public void send(Notification notification) throws NotifyException {
    for (Alert alert : notification.alerts()) {
      sender.post(
          PagerDutyEvent.of(alert, config.routingKey().reveal(), config.source()),
          null,
          status -> status == ACCEPTED);
    }
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier[name=" + name + ", " + config + "]";
  }
}
