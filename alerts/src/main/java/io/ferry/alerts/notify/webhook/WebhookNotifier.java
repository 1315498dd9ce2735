package io.ferry.alerts.notify.webhook;

import io.ferry.alerts.notify.JsonHttpSender;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;

/** Posts each notification as {@link WebhookMessage} JSON to a URL; any 2xx means taken. */
public final class WebhookNotifier implements Notifier {

  private final String name;
  private final WebhookConfig config;
  private final JsonHttpSender sender;

  public WebhookNotifier(String name, WebhookConfig config) {
    this.name = name;
    this.config = config;
    this.sender =
        new JsonHttpSender(
            "webhook receiver "
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
  public WebhookConfig config() {
    return config;
  }

  @Override
  public void send(Notification notification) throws NotifyException {
    sender.post(
        WebhookMessage.of(notification),
        config.auth().header().orElse(null),
        JsonHttpSender::success);
  }

  @Override
  public String toString() {
    return "WebhookNotifier[name=" + name + ", " + config + "]";
  }
}
