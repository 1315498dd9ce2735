package io.ferry.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.Environment;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiversReaderTest {

  private static final String FILE = "receivers.yml";

  @TempDir Path dir;

  private Map<String, Notifier> parse(String yaml) {
    return new ReceiversReader(Environment.of(Map.of())).parse(yaml, FILE, dir);
  }

  private ConfigException failure(String yaml) {
    return catchThrowableOfType(ConfigException.class, () -> parse(yaml));
  }

  @Test
  void sampleParsesWithTheDefaults() throws Exception {
    String sample;
    try (InputStream in = ReceiversReader.class.getResourceAsStream("receivers-sample.yml")) {
      sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Map<String, Notifier> receivers = parse(sample);

    assertThat(receivers.keySet())
        .containsExactly("oncall-hook", "dba-slack", "pager", "alertmanager", "dba-mail");
    assertThat(((WebhookNotifier) receivers.get("oncall-hook")).config())
        .isEqualTo(
            new WebhookConfig(
                URI.create("http://127.0.0.1:9000/hook"),
                HttpAuth.NONE,
                WebhookConfig.DEFAULT_TIMEOUT));
    SlackConfig slack = ((SlackNotifier) receivers.get("dba-slack")).config();
    assertThat(slack.timeout()).isEqualTo(SlackConfig.DEFAULT_TIMEOUT);
    assertThat(slack.channel()).isNull();
    PagerDutyConfig pager = ((PagerDutyNotifier) receivers.get("pager")).config();
    assertThat(pager.url()).isEqualTo(PagerDutyConfig.DEFAULT_URL);
    assertThat(pager.source()).isEqualTo(PagerDutyConfig.DEFAULT_SOURCE);
    assertThat(pager.timeout()).isEqualTo(PagerDutyConfig.DEFAULT_TIMEOUT);
    assertThat(((AlertmanagerNotifier) receivers.get("alertmanager")).config())
        .isEqualTo(
            new AlertmanagerConfig(
                AlertmanagerConfig.DEFAULT_URL,
                HttpAuth.NONE,
                null,
                AlertmanagerConfig.DEFAULT_TIMEOUT));
    assertThat(((EmailNotifier) receivers.get("dba-mail")).config())
        .isEqualTo(
            new EmailConfig(
                "127.0.0.1",
                EmailConfig.DEFAULT_PORT,
                "ferry@example.com",
                List.of("dba@example.com"),
                null,
                null,
                EmailConfig.DEFAULT_STARTTLS,
                EmailConfig.DEFAULT_TIMEOUT));
  }

  @Test
  void readsSecretsFromFilesAndEnvironment() throws Exception {
    Files.writeString(dir.resolve("hook-token"), "file-token-123\n");
    String yaml =
        """
        receivers:
          - name: oncall
            webhook:
              url: http://127.0.0.1:9000/hook
              token_file: hook-token
              timeout: 5s
          - name: chat
            slack:
              url: ${SLACK_URL}
        """;

    Map<String, Notifier> receivers =
        new ReceiversReader(
                Environment.of(Map.of("SLACK_URL", "https://hooks.slack.com/services/T/B/envkey")))
            .parse(yaml, FILE, dir);

    WebhookConfig hook = ((WebhookNotifier) receivers.get("oncall")).config();
    assertThat(hook.auth().header()).contains("Bearer file-token-123");
    assertThat(hook.timeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(((SlackNotifier) receivers.get("chat")).config().url().reveal())
        .isEqualTo("https://hooks.slack.com/services/T/B/envkey");
    assertThat(receivers.toString()).doesNotContain("file-token-123").doesNotContain("envkey");
  }

  @Test
  void typoNamesLineKeyAndSuggestion() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
                webhook:
                  url: http://127.0.0.1:9000/hook
                  timeuot: 5s
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 5: receivers[0].webhook.timeuot: unknown key")
        .contains("did you mean receivers[0].webhook.timeout?");
  }

  @Test
  void unknownKeyBesideTheKind() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
                webhok: {url: http://127.0.0.1:9000/hook}
                webhook: {url: http://127.0.0.1:9000/hook}
            """);

    assertThat(e.getMessage()).startsWith(FILE + " line 3: receivers[0].webhok: unknown key");
  }

  @Test
  void wrongType() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: dba-mail
                email:
                  host: 127.0.0.1
                  port: twenty-five
                  from: ferry@example.com
                  to: [dba@example.com]
            """);

    assertThat(e.getMessage()).startsWith(FILE + " line 5: receivers[0].email.port: expected");
  }

  @Test
  void twoKinds() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
                webhook: {url: http://127.0.0.1:9000/hook}
                alertmanager: {url: http://127.0.0.1:9093}
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 4: receivers[0].alertmanager: a receiver has exactly one kind");
  }

  @Test
  void noKind() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 2: receivers[0]: a receiver needs one of webhook, slack,");
  }

  @Test
  void missingUrl() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
                webhook:
                  timeout: 5s
            """);

    // A block mapping is located at its first key.
    assertThat(e.getMessage()).startsWith(FILE + " line 4: receivers[0].webhook.url: is required");
  }

  @Test
  void duplicateName() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
                webhook: {url: http://127.0.0.1:9000/a}
              - name: oncall
                webhook: {url: http://127.0.0.1:9000/b}
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 4: receivers[1].name: another receiver is already named oncall");
  }

  @Test
  void badSlackUrlIsNotQuoted() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: chat
                slack: {url: "hooks.slack.com/services/T/B/secretkey"}
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 3: receivers[0].slack.url: expected")
        .doesNotContain("secretkey");
  }

  @Test
  void tokenAndBasicAuthTogether() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: oncall
                webhook:
                  url: http://127.0.0.1:9000/hook
                  token: tok-abcdef
                  username: ferry
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 6: receivers[0].webhook.username:")
        .doesNotContain("tok-abcdef");
  }

  @Test
  void pagerDutyNeedsRoutingKey() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: pager
                pagerduty: {source: db}
            """);

    assertThat(e.getMessage())
        .startsWith(FILE + " line 3: receivers[0].pagerduty.routing_key: is required");
  }

  @Test
  void emailNeedsRecipients() {
    ConfigException e =
        failure(
            """
            receivers:
              - name: mail
                email: {host: 127.0.0.1, from: ferry@example.com}
            """);

    assertThat(e.getMessage()).startsWith(FILE + " line 3: receivers[0].email.to: is required");
  }

  @Test
  void everyKindIsRegistered() {
    assertThat(ReceiverKind.configNames())
        .containsExactly("webhook", "slack", "pagerduty", "alertmanager", "email");
  }
}
