package io.ferry.alerts.notify.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.alerts.Alert;
import io.ferry.alerts.notify.HttpAuth;
import io.ferry.alerts.notify.TestAlerts;
import io.ferry.testkit.LocalAlertmanager;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real Prometheus Alertmanager started on loopback by the test kit. */
class AlertmanagerNotifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path stateDir;

  private static LocalAlertmanager alertmanager;

  @BeforeAll
  static void start() throws Exception {
    alertmanager = LocalAlertmanager.start(stateDir);
  }

  @AfterAll
  static void stop() {
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  private static AlertmanagerNotifier notifier() {
    return new AlertmanagerNotifier(
        "am",
        new AlertmanagerConfig(
            URI.create(alertmanager.url()),
            HttpAuth.NONE,
            URI.create("https://ferry.example.com/alerts"),
            Duration.ofSeconds(10)));
  }

  /** Alertmanager's alerts whose host label is {@code host}. */
  private static List<JsonNode> alertsFor(String host) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode alert : JSON.readTree(alertmanager.alertsJson())) {
      if (host.equals(alert.at("/labels/host").asText())) {
        found.add(alert);
      }
    }
    return found;
  }

  /**
   * An alert that fired a minute ago: Alertmanager drops alerts whose end lies in the past, so the
   * times must be near the real clock.
   */
  private static Alert firingNow(String host) {
    Instant firing = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Alert template = TestAlerts.replicationStopped(host);
    return new Alert(
        template.labels(),
        template.annotations(),
        template.status(),
        firing.minus(1, ChronoUnit.MINUTES),
        firing,
        null,
        template.value());
  }

  @Test
  void firingAlertCanBeReadBack() throws Exception {
    notifier().send(TestAlerts.notification("am", firingNow("am-db1")));

    List<JsonNode> alerts = alertsFor("am-db1");
    assertThat(alerts).hasSize(1);
    JsonNode alert = alerts.get(0);
    assertThat(JSON.convertValue(alert.get("labels"), Map.class))
        .isEqualTo(Map.of("alertname", "ReplicationStopped", "severity", "page", "host", "am-db1"));
    assertThat(JSON.convertValue(alert.get("annotations"), Map.class))
        .isEqualTo(TestAlerts.replicationStopped("am-db1").annotations());
    assertThat(alert.at("/status/state").asText()).isEqualTo("active");
    assertThat(alert.get("generatorURL").asText()).isEqualTo("https://ferry.example.com/alerts");
  }

  @Test
  void resolvedAlertIsGone() throws Exception {
    Alert firing = firingNow("am-db2");
    notifier().send(TestAlerts.notification("am", firing));
    assertThat(alertsFor("am-db2")).hasSize(1);

    Alert resolved = firing.resolved(Instant.now().minusSeconds(1));
    notifier().send(TestAlerts.notification("am", resolved));

    assertThat(alertsFor("am-db2")).isEmpty();
  }
}
