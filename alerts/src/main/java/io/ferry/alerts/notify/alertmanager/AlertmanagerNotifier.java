package io.ferry.alerts.notify.alertmanager;

import io.ferry.alerts.notify.JsonHttpSender;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;
import java.util.List;

/**
 * Hands a notification's alerts to a Prometheus Alertmanager in one {@code POST /api/v2/alerts};
 * Alertmanager answers 200. Alertmanager then groups, silences and routes them itself.
 */
public final class AlertmanagerNotifier implements Notifier {

  private final String name;
  private final AlertmanagerConfig config;
  private final JsonHttpSender sender;

  public AlertmanagerNotifier(String name, AlertmanagerConfig config) {
    this.name = name;
    this.config = config;
    this.sender =
        new JsonHttpSender(
            "alertmanager receiver "
                + name
                + " ("
                + JsonHttpSender.withoutCredentials(config.alertsUrl())
                + ")",
            config.alertsUrl(),
            config.timeout());
  }

  @Override
  public String name() {
    return name;
  }

  /** The configuration it was built from. */
  public AlertmanagerConfig config() {
    return config;
  }

  @Override
  public void send(Notification notification) throws NotifyException {
    List<AlertmanagerAlert> alerts =
        notification.alerts().stream()
            .map(alert -> AlertmanagerAlert.of(alert, config.generatorUrl()))
            .toList();
    sender.post(alerts, config.auth().header().orElse(null), JsonHttpSender::success);
  }

  @Override
  public String toString() {
    return "AlertmanagerNotifier[name=" + name + ", " + config + "]";
  }
}
