package io.ferry.alerts.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.Alert;
import io.ferry.alerts.notify.RecordingHttpServer;
import io.ferry.alerts.notify.Secret;
import io.ferry.alerts.notify.TestAlerts;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingHttpServer server = new RecordingHttpServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsReadableText() throws Exception {
    var config =
        new SlackConfig(
            Secret.of(server.url("/services/T1/B2/key") + ""), "#dba", null, Duration.ofSeconds(5));
    Alert db2 = TestAlerts.replicationStopped("db2");
    Alert db3 = TestAlerts.replicationStopped("db3").resolved(TestAlerts.RESOLVED);

    new SlackNotifier("chat", config).send(TestAlerts.notification("chat", db2, db3));

    RecordingHttpServer.Request request = server.requests().get(0);
    assertThat(request.path()).isEqualTo("/services/T1/B2/key");
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "text": "*[FIRING:1] ReplicationStopped host=db2*\\n\
                • FIRING *ReplicationStopped* on db2: Replication stopped on db2 \
                (since 2024-05-01T10:01:00Z) <https://runbooks.example.com/replication|runbook>\\n\
                • RESOLVED *ReplicationStopped* on db3: Replication stopped on db3 \
                (since 2024-05-01T10:01:00Z, resolved 2024-05-01T10:30:00Z) \
                <https://runbooks.example.com/replication|runbook>",
                  "channel": "#dba",
                  "attachments": [
                    {"color": "danger", "fallback": "[FIRING:1] ReplicationStopped host=db2"}
                  ]
                }
                """));
  }

  @Test
  void escapesSlackMarkup() {
    assertThat(SlackMessage.escape("a < b & c > d")).isEqualTo("a &lt; b &amp; c &gt; d");
  }

  @Test
  void configShowsNoUrl() {
    var config =
        new SlackConfig(
            Secret.of("https://hooks.slack.com/services/T1/B2/key"),
            null,
            null,
            Duration.ofSeconds(5));

    assertThat(config.toString()).doesNotContain("hooks.slack.com").doesNotContain("T1/B2");
    assertThat(new SlackNotifier("chat", config).toString()).doesNotContain("T1/B2");
  }
}
