package io.ferry.alerts.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.Alert;
import io.ferry.alerts.notify.HttpAuth;
import io.ferry.alerts.notify.RecordingHttpServer;
import io.ferry.alerts.notify.Secret;
import io.ferry.alerts.notify.TestAlerts;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** SHA-256 of {alertname="ReplicationStopped", host="db2", severity="page"}, by sha256sum. */
  static final String DB2_FINGERPRINT =
      "1a53eb18f9bb8514b39726fa5230d057b1886e4f87826dde0f1b43177971de59";

  static final String DB3_FINGERPRINT =
      "5bcad85faa68e7f2b89ecb7e02f3c73c55b94a2d4893f9667050a1a27ac413ae";

  private final RecordingHttpServer server = new RecordingHttpServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private WebhookNotifier notifier(HttpAuth auth) {
    return new WebhookNotifier(
        "oncall", new WebhookConfig(server.url("/hook"), auth, Duration.ofSeconds(5)));
  }

  @Test
  void postsAlertmanagerWebhookJson() throws Exception {
    Alert db2 = TestAlerts.replicationStopped("db2");
    Alert db3 = TestAlerts.replicationStopped("db3").resolved(TestAlerts.RESOLVED);

    notifier(HttpAuth.NONE).send(TestAlerts.notification("oncall", db2, db3));

    assertThat(server.requests()).hasSize(1);
    RecordingHttpServer.Request request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().containsKey("Authorization")).isFalse();
    assertThat(JSON.readTree(request.body()))
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "version": "4",
                  "groupKey": "{}:{alertname=\\"ReplicationStopped\\", host=\\"db2\\"}",
                  "status": "firing",
                  "receiver": "oncall",
                  "groupLabels": {"alertname": "ReplicationStopped", "host": "db2"},
                  "commonLabels": {"alertname": "ReplicationStopped", "severity": "page"},
                  "commonAnnotations": {
                    "runbook_url": "https://runbooks.example.com/replication"
                  },
                  "alerts": [
                    {
                      "status": "firing",
                      "labels": {"alertname": "ReplicationStopped", "host": "db2", "severity": "page"},
                      "annotations": {
                        "summary": "Replication stopped on db2",
                        "description": "The SQL thread of db2 is not running.",
                        "runbook_url": "https://runbooks.example.com/replication"
                      },
                      "startsAt": "2024-05-01T10:01:00Z",
                      "endsAt": "0001-01-01T00:00:00Z",
                      "fingerprint": "%s"
                    },
                    {
                      "status": "resolved",
                      "labels": {"alertname": "ReplicationStopped", "host": "db3", "severity": "page"},
                      "annotations": {
                        "summary": "Replication stopped on db3",
                        "description": "The SQL thread of db3 is not running.",
                        "runbook_url": "https://runbooks.example.com/replication"
                      },
                      "startsAt": "2024-05-01T10:01:00Z",
                      "endsAt": "2024-05-01T10:30:00Z",
                      "fingerprint": "%s"
                    }
                  ]
                }
                """
                    .formatted(DB2_FINGERPRINT, DB3_FINGERPRINT)));
  }

  @Test
  void sendsBearerToken() throws Exception {
    notifier(new HttpAuth(Secret.of("s3cret-token"), null, null))
        .send(TestAlerts.notification("oncall", TestAlerts.replicationStopped("db2")));

    assertThat(server.requests().get(0).headers().getFirst("Authorization"))
        .isEqualTo("Bearer s3cret-token");
  }

  @Test
  void sendsBasicAuth() throws Exception {
    notifier(new HttpAuth(null, "ferry", Secret.of("pa55")))
        .send(TestAlerts.notification("oncall", TestAlerts.replicationStopped("db2")));

    // base64("ferry:pa55")
    assertThat(server.requests().get(0).headers().getFirst("Authorization"))
        .isEqualTo("Basic ZmVycnk6cGE1NQ==");
  }
}
