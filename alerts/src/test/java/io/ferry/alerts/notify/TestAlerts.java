package io.ferry.alerts.notify;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts and notifications with fixed times, shared by the receiver tests. */
public final class TestAlerts {

  public static final Instant ACTIVE = Instant.parse("2024-05-01T10:00:00Z");
  public static final Instant FIRING = Instant.parse("2024-05-01T10:01:00Z");
  public static final Instant RESOLVED = Instant.parse("2024-05-01T10:30:00Z");

  private TestAlerts() {}

  /** ReplicationStopped on {@code host}, severity page, firing. */
  public static Alert replicationStopped(String host) {
    return new Alert(
        Labels.of("alertname", "ReplicationStopped", "severity", "page", "host", host),
        Map.of(
            Alert.SUMMARY, "Replication stopped on " + host,
            Alert.DESCRIPTION, "The SQL thread of " + host + " is not running.",
            Alert.RUNBOOK_URL, "https://runbooks.example.com/replication"),
        AlertStatus.FIRING,
        ACTIVE,
        FIRING,
        null,
        0.0);
  }

  /** A notification of the given alerts grouped by alertname and host. */
  public static Notification notification(String receiver, Alert... alerts) {
    Alert first = alerts[0];
    return new Notification(
        receiver,
        "{}:{alertname=\"ReplicationStopped\", host=\"" + first.labels().get("host") + "\"}",
        first.labels().only(List.of("alertname", "host")),
        List.of(alerts));
  }

  /** A loopback port that nothing listened on an instant ago. */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
