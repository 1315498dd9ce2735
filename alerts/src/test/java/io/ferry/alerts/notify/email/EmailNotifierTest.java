package io.ferry.alerts.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ferry.alerts.Alert;
import io.ferry.alerts.notify.NotifyException;
import io.ferry.alerts.notify.Secret;
import io.ferry.alerts.notify.TestAlerts;
import io.ferry.testkit.LocalSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real SMTP server (aiosmtpd) started on loopback by the test kit. */
class EmailNotifierTest {

  @TempDir static Path stateDir;

  private static LocalSmtpServer smtp;

  @BeforeAll
  static void start() throws Exception {
    smtp = LocalSmtpServer.start(stateDir);
  }

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.close();
    }
  }

  private static EmailConfig config(int port) {
    return new EmailConfig(
        "127.0.0.1",
        port,
        "ferry@example.com",
        List.of("dba@example.com", "oncall@example.com"),
        null,
        null,
        false,
        Duration.ofSeconds(10));
  }

  @Test
  void mailArrivesWithSubjectAndBody() throws Exception {
    Alert db2 = TestAlerts.replicationStopped("db2");
    Alert db3 = TestAlerts.replicationStopped("db3").resolved(TestAlerts.RESOLVED);
    int before = smtp.messages().size();

    new EmailNotifier("dba-mail", config(smtp.port()))
        .send(TestAlerts.notification("dba-mail", db2, db3));

    List<String> messages = smtp.messages();
    assertThat(messages).hasSize(before + 1);
    MimeMessage mail =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(
                messages.get(messages.size() - 1).getBytes(StandardCharsets.UTF_8)));
    assertThat(mail.getSubject()).isEqualTo("[FIRING:1] ReplicationStopped host=db2");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("ferry@example.com");
    assertThat(mail.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("dba@example.com", "oncall@example.com");
    assertThat(((String) mail.getContent()).replace("\r\n", "\n"))
        .isEqualTo(
            """
            [FIRING:1] ReplicationStopped host=db2

            FIRING ReplicationStopped on db2
              Summary: Replication stopped on db2
              Description: The SQL thread of db2 is not running.
              Since: 2024-05-01T10:01:00Z
              Runbook: https://runbooks.example.com/replication
              Labels: alertname=ReplicationStopped, host=db2, severity=page

            RESOLVED ReplicationStopped on db3
              Summary: Replication stopped on db3
              Description: The SQL thread of db3 is not running.
              Since: 2024-05-01T10:01:00Z
              Resolved: 2024-05-01T10:30:00Z
              Runbook: https://runbooks.example.com/replication
              Labels: alertname=ReplicationStopped, host=db3, severity=page
            """);
  }

  @Test
  void closedPortIsRetryable() throws Exception {
    var notifier = new EmailNotifier("dba-mail", config(TestAlerts.closedPort()));

    NotifyException failure =
        catchThrowableOfType(
            NotifyException.class,
            () ->
                notifier.send(
                    TestAlerts.notification("dba-mail", TestAlerts.replicationStopped("db2"))));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).startsWith("email receiver dba-mail (smtp 127.0.0.1:");
  }

  @Test
  void toStringShowsNoPassword() {
    var config =
        new EmailConfig(
            "127.0.0.1",
            smtp.port(),
            "ferry@example.com",
            List.of("dba@example.com"),
            "ferry",
            Secret.of("smtp-pa55word"),
            true,
            Duration.ofSeconds(10));

    assertThat(config.toString()).contains("ferry").doesNotContain("smtp-pa55word");
    assertThat(new EmailNotifier("dba-mail", config).toString()).doesNotContain("smtp-pa55word");
  }
}
