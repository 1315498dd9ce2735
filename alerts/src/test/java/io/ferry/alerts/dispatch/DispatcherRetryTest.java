package io.ferry.alerts.dispatch;

import static io.ferry.alerts.dispatch.Timeline.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import io.ferry.alerts.notify.Notifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherRetryTest {

  private static final String[] DISK = {"alertname", "DiskFull", "host", "db1"};
  private static final Route ROUTE = Route.builder("ops").groupBy("alertname", "host").build();

  @Test
  void aReceiverThatFailsTwiceTakesTheThirdAttemptAfterBackingOff() {
    var timeline = new Timeline(DispatchConfig.of(ROUTE), "ops");
    RecordingNotifier ops = timeline.receiver("ops").failNext(2, true);

    timeline.fire(0, DISK).advanceTo(400);

    assertThat(ops.calls())
        .extracting(RecordingNotifier.Call::at, RecordingNotifier.Call::taken)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(t(30), false),
            org.assertj.core.groups.Tuple.tuple(t(31), false),
            org.assertj.core.groups.Tuple.tuple(t(33), true));
    DispatchMetrics.ReceiverCounters counters = timeline.dispatcher.metrics().receiver("ops");
    assertThat(counters.sent()).isEqualTo(1);
    assertThat(counters.failed()).isEqualTo(2);
    assertThat(counters.retried()).isEqualTo(2);
    assertThat(counters.fellBack()).isZero();
  }

  @Test
  void aReceiverThatAlwaysFailsHandsTheNotificationToTheFallbackAfterMaxAttempts() {
    var timeline =
        new Timeline(DispatchConfig.of(ROUTE).withFallbackReceiver("email"), "ops", "email");
    RecordingNotifier ops = timeline.receiver("ops").failAlways(true);
    RecordingNotifier email = timeline.receiver("email");

    timeline.fire(0, DISK).advanceTo(600);

    assertThat(ops.calls())
        .extracting(RecordingNotifier.Call::at)
        .containsExactly(t(30), t(31), t(33), t(37), t(45));
    assertThat(email.calls()).hasSize(1);
    assertThat(email.calls().get(0).at()).isEqualTo(t(45));
    assertThat(email.calls().get(0).notification().receiver()).isEqualTo("email");
    assertThat(email.calls().get(0).notification().firing()).hasSize(1);
    var metrics = timeline.dispatcher.metrics();
    assertThat(metrics.receiver("ops").failed()).isEqualTo(5);
    assertThat(metrics.receiver("ops").fellBack()).isEqualTo(1);
    assertThat(metrics.receiver("email").sent()).isEqualTo(1);
  }

  @Test
  void aFailureThatCannotBeRetriedGoesToTheFallbackAtOnce() {
    var timeline =
        new Timeline(DispatchConfig.of(ROUTE).withFallbackReceiver("email"), "ops", "email");
    timeline.receiver("ops").failAlways(false);

    timeline.fire(0, DISK).advanceTo(100);

    assertThat(timeline.receiver("ops").calls())
        .extracting(RecordingNotifier.Call::at)
        .containsExactly(t(30));
    assertThat(timeline.receiver("email").taken())
        .extracting(RecordingNotifier.Call::at)
        .containsExactly(t(30));
  }

  @Test
  void withoutFallbackAnUndeliveredNotificationIsTriedAgainAtTheNextInterval() {
    RetryPolicy twoAttempts =
        new RetryPolicy(RetryPolicy.DEFAULT_INITIAL_BACKOFF, RetryPolicy.DEFAULT_MAX_BACKOFF, 2);
    var timeline = new Timeline(DispatchConfig.of(ROUTE).withRetry(twoAttempts), "ops");
    RecordingNotifier ops = timeline.receiver("ops").failNext(2, true);

    timeline.fire(0, DISK).advanceTo(400);

    assertThat(ops.calls())
        .extracting(RecordingNotifier.Call::at, RecordingNotifier.Call::taken)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(t(30), false),
            org.assertj.core.groups.Tuple.tuple(t(31), false),
            org.assertj.core.groups.Tuple.tuple(t(330), true));
    assertThat(timeline.dispatcher.metrics().receiver("ops").dropped()).isEqualTo(1);
  }

  @Test
  void aSendStillRunningIsNotStartedAgain() {
    List<Runnable> queued = new ArrayList<>();
    List<String> sent = new ArrayList<>();
    Notifier ops =
        new Notifier() {
          @Override
          public String name() {
            return "ops";
          }

          @Override
          public void send(io.ferry.alerts.notify.Notification notification) {
            sent.add(notification.groupKey());
          }
        };
    var dispatcher =
        new Dispatcher(
            DispatchConfig.of(ROUTE), Map.of("ops", ops), queued::add, Timeline.NO_JITTER);
    Alert alert =
        new Alert(Labels.of(DISK), Map.of(), AlertStatus.FIRING, t(0), t(0), null, Double.NaN);

    dispatcher.update(List.of(alert), t(0));
    for (int second = 1; second <= 700; second++) {
      dispatcher.tick(t(second));
    }
    assertThat(queued).hasSize(1);

    queued.get(0).run();
    for (int second = 701; second <= 1000; second++) {
      dispatcher.tick(t(second));
    }
    assertThat(sent).hasSize(1);
    assertThat(queued).as("sent; nothing new to say before repeat_interval").hasSize(1);
  }

  @Test
  void aFullSendQueueCountsAsARetryableFailure() {
    List<String> sent = new ArrayList<>();
    Notifier ops =
        new Notifier() {
          @Override
          public String name() {
            return "ops";
          }

          @Override
          public void send(io.ferry.alerts.notify.Notification notification) {
            sent.add(notification.groupKey());
          }
        };
    int[] calls = {0};
    java.util.concurrent.Executor fullOnce =
        job -> {
          if (calls[0]++ == 0) {
            throw new java.util.concurrent.RejectedExecutionException("full");
          }
          job.run();
        };
    var dispatcher =
        new Dispatcher(DispatchConfig.of(ROUTE), Map.of("ops", ops), fullOnce, Timeline.NO_JITTER);
    dispatcher.update(
        List.of(new Alert(Labels.of(DISK), Map.of(), AlertStatus.FIRING, t(0), t(0), null, 1)),
        t(0));

    dispatcher.tick(t(30));
    assertThat(sent).isEmpty();
    dispatcher.tick(t(31));
    assertThat(sent).hasSize(1);
    assertThat(dispatcher.metrics().receiver("ops").failed()).isEqualTo(1);
  }

  @Test
  void aStopWaitsForTheSendInFlightSoTheSnapshotRecordsIt() throws Exception {
    List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    Notifier ops =
        new Notifier() {
          @Override
          public String name() {
            return "ops";
          }

          @Override
          public void send(io.ferry.alerts.notify.Notification notification) {
            sent.add(notification.groupKey());
          }
        };
    List<Runnable> queued = new ArrayList<>();
    var dispatcher =
        new Dispatcher(
            DispatchConfig.of(ROUTE), Map.of("ops", ops), queued::add, Timeline.NO_JITTER);
    dispatcher.update(
        List.of(new Alert(Labels.of(DISK), Map.of(), AlertStatus.FIRING, t(0), t(0), null, 1)),
        t(0));
    for (int second = 1; queued.isEmpty() && second <= 60; second++) {
      dispatcher.tick(t(second));
    }
    assertThat(queued).hasSize(1);

    assertThat(dispatcher.awaitSendsInFlight(java.time.Duration.ofMillis(20)))
        .as("the send has started and not finished")
        .isFalse();
    assertThat(dispatcher.snapshot().notificationLog()).isEmpty();

    Thread sender = new Thread(queued.get(0), "sender");
    sender.start();
    assertThat(dispatcher.awaitSendsInFlight(java.time.Duration.ofSeconds(30))).isTrue();
    sender.join();

    assertThat(sent).hasSize(1);
    assertThat(dispatcher.snapshot().notificationLog()).hasSize(1);
  }
}
