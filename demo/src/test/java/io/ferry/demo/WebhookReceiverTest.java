package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

  private static final String TOKEN = "receiver-test-token";

  /** A page as the collector's webhook notifier posts it (Alertmanager's webhook shape). */
  private static final String PAGE =
      """
      {"version":"4","groupKey":"{}:{alertname=\\"ReplicationStopped\\",host=\\"old-replica\\"}",
       "status":"firing","receiver":"demo-webhook",
       "groupLabels":{"alertname":"ReplicationStopped","host":"old-replica"},
       "commonLabels":{},"commonAnnotations":{},
       "alerts":[{"status":"firing",
         "labels":{"alertname":"ReplicationStopped","host":"old-replica","severity":"page"},
         "annotations":{"summary":"Replication default on old-replica is sql_stopped"},
         "startsAt":"2026-03-01T10:15:30.250Z","endsAt":"0001-01-01T00:00:00Z",
         "fingerprint":"0123456789abcdef"}]}
      """;

  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = WebhookReceiver.start(TOKEN);
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void keepsANotificationPostedWithTheToken() throws Exception {
    assertThat(post(PAGE, "Bearer " + TOKEN).statusCode()).isEqualTo(200);

    assertThat(receiver.await(n -> true, Duration.ofSeconds(5))).isTrue();
    ReceivedNotification page = receiver.received().get(0);
    assertThat(page.status()).isEqualTo("firing");
    assertThat(page.receiver()).isEqualTo("demo-webhook");
    assertThat(page.concerns("firing", "ReplicationStopped", "old-replica")).isTrue();
    assertThat(page.concerns("resolved", "ReplicationStopped", "old-replica")).isFalse();
    assertThat(page.concerns("firing", "ReplicationStopped", "new-replica")).isFalse();
    assertThat(page.alerts().get(0).label("severity")).isEqualTo("page");
    assertThat(receiver.refused()).isZero();
  }

  @Test
  void refusesAMissingOrWrongTokenAndABodyThatIsNoNotification() throws Exception {
    assertThat(post(PAGE, null).statusCode()).isEqualTo(401);
    assertThat(post(PAGE, "Bearer not-" + TOKEN).statusCode()).isEqualTo(401);
    HttpResponse<String> notJson = post("page!", "Bearer " + TOKEN);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).startsWith("not a webhook notification");
    assertThat(post("{\"status\":\"firing\"}", "Bearer " + TOKEN).statusCode()).isEqualTo(400);

    assertThat(receiver.refused()).isEqualTo(4);
    assertThat(receiver.received()).isEmpty();
    assertThat(receiver.awaitMoreThan(0, Duration.ofMillis(1))).isFalse();
  }

  @Test
  void printsOneLinePerAlertWithStatusNameHostSeverityTimesAndSummary() {
    var firing =
        new ReceivedNotification.ReceivedAlert(
            "firing",
            Map.of("alertname", "ReplicationStopped", "host", "old-replica", "severity", "page"),
            Map.of("summary", "Replication default on old-replica is sql_stopped"),
            "2026-03-01T10:15:30.250Z",
            "0001-01-01T00:00:00Z");
    var resolved =
        new ReceivedNotification.ReceivedAlert(
            "resolved",
            firing.labels(),
            firing.annotations(),
            firing.startsAt(),
            "2026-03-01T10:17:02Z");

    assertThat(
            new ReceivedNotification(
                    Instant.parse("2026-03-01T10:16:35Z"), "firing", "hook", List.of(firing))
                .lines())
        .containsExactly(
            "[10:16:35 UTC] FIRING   ReplicationStopped on old-replica (page), firing since"
                + " 10:15:30: Replication default on old-replica is sql_stopped");
    assertThat(
            new ReceivedNotification(
                    Instant.parse("2026-03-01T10:17:04Z"), "resolved", "hook", List.of(resolved))
                .lines())
        .containsExactly(
            "[10:17:04 UTC] RESOLVED ReplicationStopped on old-replica (page), fired 10:15:30,"
                + " resolved 10:17:02: Replication default on old-replica is sql_stopped");
  }

  private HttpResponse<String> post(String body, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(receiver.url())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
