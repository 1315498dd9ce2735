package io.ferry.alerts.notify.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import io.ferry.alerts.Severity;
import io.ferry.alerts.notify.NotifyException;
import io.ferry.alerts.notify.RecordingHttpServer;
import io.ferry.alerts.notify.Secret;
import io.ferry.alerts.notify.TestAlerts;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyNotifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** SHA-256 of {alertname="ReplicationStopped", host="db2", severity="page"}, by sha256sum. */
  private static final String DB2_KEY =
      "1a53eb18f9bb8514b39726fa5230d057b1886e4f87826dde0f1b43177971de59";

  private final RecordingHttpServer server =
      new RecordingHttpServer().answer(202, "{\"status\":\"success\"}");

  @AfterEach
  void stop() {
    server.close();
  }

  private PagerDutyNotifier notifier() {
    return new PagerDutyNotifier(
        "pager",
        new PagerDutyConfig(
            Secret.of("routing-key-1"), server.url("/v2/enqueue"), "ferry", Duration.ofSeconds(5)));
  }

  @Test
  void triggersOneEventPerAlert() throws Exception {
    Alert noHost =
        new Alert(
            Labels.of("alertname", "SloBurn", "severity", "ticket"),
            Map.of(),
            AlertStatus.FIRING,
            TestAlerts.ACTIVE,
            TestAlerts.FIRING,
            null,
            14.5);

    notifier().send(TestAlerts.notification("pager", TestAlerts.replicationStopped("db2"), noHost));

    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(0).path()).isEqualTo("/v2/enqueue");
    assertThat(JSON.readTree(server.requests().get(0).body()))
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "routing_key": "routing-key-1",
                  "event_action": "trigger",
                  "dedup_key": "%s",
                  "payload": {
                    "summary": "Replication stopped on db2",
                    "source": "db2",
                    "severity": "critical",
                    "timestamp": "2024-05-01T10:01:00Z",
                    "custom_details": {
                      "labels": {"alertname": "ReplicationStopped", "host": "db2", "severity": "page"},
                      "annotations": {
                        "summary": "Replication stopped on db2",
                        "description": "The SQL thread of db2 is not running.",
                        "runbook_url": "https://runbooks.example.com/replication"
                      },
                      "value": 0.0
                    }
                  },
                  "client": "Ferry",
                  "links": [{"href": "https://runbooks.example.com/replication", "text": "Runbook"}]
                }
                """
                    .formatted(DB2_KEY)));
    var second = JSON.readTree(server.requests().get(1).body());
    assertThat(second.at("/payload/source").asText()).isEqualTo("ferry");
    assertThat(second.at("/payload/severity").asText()).isEqualTo("error");
    assertThat(second.at("/payload/summary").asText()).isEqualTo("SloBurn");
    assertThat(second.at("/payload/custom_details/value").asDouble()).isEqualTo(14.5);
    assertThat(second.has("links")).isFalse();
  }

  @Test
  void resolvesWithTheSameDedupKey() throws Exception {
    Alert resolved = TestAlerts.replicationStopped("db2").resolved(TestAlerts.RESOLVED);

    notifier().send(TestAlerts.notification("pager", resolved));

    var event = JSON.readTree(server.requests().get(0).body());
    assertThat(event.get("event_action").asText()).isEqualTo("resolve");
    assertThat(event.get("dedup_key").asText()).isEqualTo(DB2_KEY);
  }

  @Test
  void mapsSeverities() {
    assertThat(PagerDutyEvent.severity(Severity.PAGE)).isEqualTo("critical");
    assertThat(PagerDutyEvent.severity(Severity.TICKET)).isEqualTo("error");
    assertThat(PagerDutyEvent.severity(Severity.WARNING)).isEqualTo("warning");
    assertThat(PagerDutyEvent.severity(Severity.INFO)).isEqualTo("info");
  }

  @Test
  void onlyAcceptedCounts() {
    server.answer(200, "{}");

    NotifyException failure =
        catchThrowableOfType(
            NotifyException.class,
            () ->
                notifier()
                    .send(TestAlerts.notification("pager", TestAlerts.replicationStopped("db2"))));

    assertThat(failure.getMessage()).contains("HTTP 200").doesNotContain("routing-key-1");
  }
}
