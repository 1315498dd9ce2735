package io.ferry.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ferry.alerts.notify.alertmanager.AlertmanagerConfig;
import io.ferry.alerts.notify.alertmanager.AlertmanagerNotifier;
import io.ferry.alerts.notify.pagerduty.PagerDutyConfig;
import io.ferry.alerts.notify.pagerduty.PagerDutyNotifier;
import io.ferry.alerts.notify.slack.SlackConfig;
import io.ferry.alerts.notify.slack.SlackNotifier;
import io.ferry.alerts.notify.webhook.WebhookConfig;
import io.ferry.alerts.notify.webhook.WebhookNotifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every HTTP receiver against a loopback server that fails in each way: which failures may be
 * retried, and that the message names the receiver and the status but no secret.
 */
class HttpFailureClassificationTest {

  private static final String TOKEN = "tok-9f8e7d6c";
  private static final String SLACK_KEY = "T0001/B0002/slackKeyXyz";
  private static final String ROUTING_KEY = "routing-1234567890abcdef";
  private static final String PASSWORD = "am-pass-4321";
  private static final List<String> SECRETS = List.of(TOKEN, SLACK_KEY, ROUTING_KEY, PASSWORD);

  /** The receivers' timeout where the server hangs: short, so the test is quick. */
  private static final Duration HANG_TIMEOUT = Duration.ofMillis(300);

  /**
   * The receivers' timeout where the server answers: long enough for a first request on a busy
   * machine (class loading, a new connection), which can take longer than {@link #HANG_TIMEOUT}.
   */
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

  private final RecordingHttpServer server = new RecordingHttpServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** A receiver kind's notifier posting to the given base URL (scheme, host and port). */
  record Kind(String name, BiFunction<String, Duration, Notifier> create) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Kind> kinds() {
    return Stream.of(
        new Kind(
            "webhook",
            (base, timeout) ->
                new WebhookNotifier(
                    "hook",
                    new WebhookConfig(
                        URI.create(base + "/hook"),
                        new HttpAuth(Secret.of(TOKEN), null, null),
                        timeout))),
        new Kind(
            "slack",
            (base, timeout) ->
                new SlackNotifier(
                    "chat",
                    new SlackConfig(
                        Secret.of(base + "/services/" + SLACK_KEY), null, null, timeout))),
        new Kind(
            "pagerduty",
            (base, timeout) ->
                new PagerDutyNotifier(
                    "pager",
                    new PagerDutyConfig(
                        Secret.of(ROUTING_KEY),
                        URI.create(base + "/v2/enqueue"),
                        "ferry",
                        timeout))),
        new Kind(
            "alertmanager",
            (base, timeout) ->
                new AlertmanagerNotifier(
                    "am",
                    new AlertmanagerConfig(
                        URI.create(base),
                        new HttpAuth(null, "ferry", Secret.of(PASSWORD)),
                        null,
                        timeout))));
  }

  static Stream<Arguments> statuses() {
    return kinds()
        .flatMap(
            kind ->
                Stream.of(
                    Arguments.of(kind, 500, true),
                    Arguments.of(kind, 503, true),
                    Arguments.of(kind, 429, true),
                    Arguments.of(kind, 400, false),
                    Arguments.of(kind, 401, false),
                    Arguments.of(kind, 404, false)));
  }

  private String base() {
    return server.url("").toString();
  }

  private static Notification notification() {
    return TestAlerts.notification("r", TestAlerts.replicationStopped("db2"));
  }

  @ParameterizedTest(name = "{0} answered {1}: retryable={2}")
  @MethodSource("statuses")
  void classifiesStatus(Kind kind, int status, boolean retryable) {
    server.answer(status, "{\"error\": \"" + "x".repeat(300) + "\"}");
    Notifier notifier = kind.create().apply(base(), ANSWER_TIMEOUT);

    NotifyException failure =
        catchThrowableOfType(NotifyException.class, () -> notifier.send(notification()));

    assertThat(failure.retryable()).isEqualTo(retryable);
    assertThat(failure.getMessage())
        .contains(notifier.name())
        .contains("HTTP " + status)
        .contains("{\"error\": \"xxx")
        .hasSizeLessThan(400);
    assertNoSecret(failure);
    assertThat(server.requests()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void closedPortIsRetryable(Kind kind) throws Exception {
    Notifier notifier =
        kind.create().apply("http://127.0.0.1:" + TestAlerts.closedPort(), ANSWER_TIMEOUT);

    NotifyException failure =
        catchThrowableOfType(NotifyException.class, () -> notifier.send(notification()));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains(notifier.name()).contains("cannot send");
    assertNoSecret(failure);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void noAnswerWithinTimeoutIsRetryable(Kind kind) {
    server.hang();
    Notifier notifier = kind.create().apply(base(), HANG_TIMEOUT);

    NotifyException failure =
        catchThrowableOfType(NotifyException.class, () -> notifier.send(notification()));

    assertThat(failure.retryable()).isTrue();
    assertThat(failure.getMessage()).contains(notifier.name()).contains("no answer within 300ms");
    assertNoSecret(failure);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void toStringShowsNoSecret(Kind kind) {
    Notifier notifier = kind.create().apply(base(), ANSWER_TIMEOUT);

    assertThat(notifier.toString()).contains(notifier.name());
    for (String secret : SECRETS) {
      assertThat(notifier.toString()).doesNotContain(secret);
    }
  }

  private static void assertNoSecret(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (String secret : SECRETS) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
      }
    }
  }
}
