package io.ferry.alerts.notify.slack;

import io.ferry.alerts.notify.JsonHttpSender;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;

/**
 * Posts each notification as a {@link SlackMessage} to a Slack incoming webhook; Slack answers 200
 * with {@code ok}. Messages show only the webhook's host, never its path, which is the key.
 */
public final class SlackNotifier implements Notifier {

  private final String name;
  private final SlackConfig config;
  private final JsonHttpSender sender;

  public SlackNotifier(String name, SlackConfig config) {
    this.name = name;
    this.config = config;
    this.sender =
        new JsonHttpSender(
            "slack receiver " + name + " (" + JsonHttpSender.originOnly(config.uri()) + ")",
            config.uri(),
            config.timeout());
  }

  @Override
  public String name() {
    return name;
  }

  /** The configuration it was built from. */
  public SlackConfig config() {
    return config;
  }

  @Override
  public void send(Notification notification) throws NotifyException {
    sender.post(SlackMessage.of(notification, config), null, JsonHttpSender::success);
  }

  @Override
  public String toString() {
    return "SlackNotifier[name=" + name + ", " + config + "]";
  }
}
