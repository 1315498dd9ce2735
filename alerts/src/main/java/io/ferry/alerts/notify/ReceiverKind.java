package io.ferry.alerts.notify;

import io.ferry.alerts.notify.alertmanager.AlertmanagerConfig;
import io.ferry.alerts.notify.alertmanager.AlertmanagerNotifier;
import io.ferry.alerts.notify.email.EmailConfig;
import io.ferry.alerts.notify.email.EmailNotifier;
import io.ferry.alerts.notify.pagerduty.PagerDutyConfig;
import io.ferry.alerts.notify.pagerduty.PagerDutyNotifier;
import io.ferry.alerts.notify.slack.SlackConfig;
import io.ferry.alerts.notify.slack.SlackNotifier;
import io.ferry.alerts.notify.webhook.WebhookConfig;
import io.ferry.alerts.notify.webhook.WebhookNotifier;
import io.ferry.yamlconfig.ConfigMapping;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of receiver, each with its configuration key and the factory that reads its section:
 * the one list that {@link ReceiversReader} and anything else listing receivers go through. A new
 * receiver is a new package plus one constant here.
 */
public enum ReceiverKind {
  /** A generic webhook receiving Alertmanager's webhook JSON. */
  WEBHOOK((name, section) -> new WebhookNotifier(name, WebhookConfig.read(section))),
  /** A Slack incoming webhook. */
  SLACK((name, section) -> new SlackNotifier(name, SlackConfig.read(section))),
  /** PagerDuty's Events API v2. */
  PAGERDUTY((name, section) -> new PagerDutyNotifier(name, PagerDutyConfig.read(section))),
  /** A Prometheus Alertmanager, through its API v2. */
  ALERTMANAGER((name, section) -> new AlertmanagerNotifier(name, AlertmanagerConfig.read(section))),
  /** E-mail over SMTP. */
  EMAIL((name, section) -> new EmailNotifier(name, EmailConfig.read(section)));

  /** Reads one receiver's section and builds its notifier. */
  @FunctionalInterface
  interface Factory {
    Notifier create(String name, ConfigMapping section);
  }

  private final Factory factory;

  ReceiverKind(Factory factory) {
    this.factory = factory;
  }

  /** The key of the receiver's section in the configuration: {@code webhook}, {@code slack}, ... */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every kind's {@link #configName()}, in declaration order. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(ReceiverKind::configName).toList();
  }

  /**
   * Reads the receiver's section and builds its notifier.
   *
   * @throws io.ferry.yamlconfig.ConfigException when the section is not valid
   */
  public Notifier create(String name, ConfigMapping section) {
    return factory.create(name, section);
  }
}
