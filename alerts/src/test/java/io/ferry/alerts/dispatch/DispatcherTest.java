package io.ferry.alerts.dispatch;

import static io.ferry.alerts.dispatch.Timeline.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.notify.Notification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {

  private static final String[] DISK_DB1 = {"alertname", "DiskFull", "host", "db1", "dev", "sda"};
  private static final String[] DISK_DB1_B = {"alertname", "DiskFull", "host", "db1", "dev", "sdb"};

  private static final Route BY_ALERT_AND_HOST =
      Route.builder("ops").groupBy("alertname", "host").build();

  private static List<String> devices(Notification notification, AlertStatus status) {
    return notification.alerts().stream()
        .filter(alert -> alert.status() == status)
        .map(alert -> alert.labels().get("dev"))
        .toList();
  }

  @Test
  void groupWaitThenGroupIntervalThenRepeatThenResolvedOnce() {
    var timeline = new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST), "ops");
    RecordingNotifier ops = timeline.receiver("ops");

    timeline.fire(0, DISK_DB1).advanceTo(29);
    assertThat(ops.calls()).as("nothing before group_wait").isEmpty();

    timeline.advanceTo(30);
    assertThat(ops.calls()).hasSize(1);
    assertThat(ops.calls().get(0).at()).isEqualTo(t(30));
    assertThat(devices(ops.calls().get(0).notification(), AlertStatus.FIRING))
        .containsExactly("sda");
    assertThat(ops.calls().get(0).notification().groupKey())
        .isEqualTo("route:{alertname=\"DiskFull\", host=\"db1\"}");

    timeline.fire(40, DISK_DB1_B).advanceTo(329);
    assertThat(ops.calls()).as("a change waits for group_interval").hasSize(1);

    timeline.advanceTo(330);
    assertThat(ops.calls()).hasSize(2);
    assertThat(ops.calls().get(1).at()).isEqualTo(t(330));
    assertThat(devices(ops.calls().get(1).notification(), AlertStatus.FIRING))
        .containsExactly("sda", "sdb");

    // Unchanged: repeated after repeat_interval (4h), at the first group flush not before it.
    double repeatAt = 330 + Duration.ofHours(4).toSeconds();
    timeline.advanceTo(repeatAt - 1);
    assertThat(ops.calls()).hasSize(2);
    timeline.advanceTo(repeatAt);
    assertThat(ops.calls()).hasSize(3);
    assertThat(ops.calls().get(2).at()).isEqualTo(t(repeatAt));

    timeline.resolve(repeatAt + 10, DISK_DB1).resolve(repeatAt + 20, DISK_DB1_B);
    timeline.advanceTo(repeatAt + 300);
    assertThat(ops.calls()).hasSize(4);
    Notification resolved = ops.calls().get(3).notification();
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(devices(resolved, AlertStatus.RESOLVED)).containsExactly("sda", "sdb");

    timeline.advanceTo(repeatAt + 6 * 3600);
    assertThat(ops.calls()).as("resolved alerts are forgotten").hasSize(4);
    assertThat(timeline.dispatcher.snapshot().groups()).isEmpty();
  }

  @Test
  void oneAlertResolvingWhileAnotherFiresIsAnnouncedAtTheNextInterval() {
    var timeline = new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST), "ops");
    RecordingNotifier ops = timeline.receiver("ops");

    timeline.fire(0, DISK_DB1).fire(1, DISK_DB1_B).advanceTo(30);
    timeline.resolve(100, DISK_DB1).advanceTo(330);

    assertThat(ops.calls()).hasSize(2);
    Notification second = ops.calls().get(1).notification();
    assertThat(devices(second, AlertStatus.FIRING)).containsExactly("sdb");
    assertThat(devices(second, AlertStatus.RESOLVED)).containsExactly("sda");

    timeline.advanceTo(630);
    assertThat(ops.calls()).as("the resolved alert is announced once").hasSize(2);
  }

  @Test
  void anAlertThatResolvesBeforeItsGroupIsNotifiedIsNeverAnnounced() {
    var timeline = new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST), "ops");

    timeline.fire(0, DISK_DB1).resolve(10, DISK_DB1).advanceTo(1000);

    assertThat(timeline.receiver("ops").calls()).isEmpty();
    assertThat(timeline.dispatcher.snapshot().groups()).isEmpty();
  }

  @Test
  void sendResolvedFalseKeepsQuietAboutResolvedAlerts() {
    Route route = Route.builder("ops").groupBy("alertname", "host").sendResolved(false).build();
    var timeline = new Timeline(DispatchConfig.of(route), "ops");

    timeline.fire(0, DISK_DB1).advanceTo(30).resolve(60, DISK_DB1).advanceTo(3600);
    timeline.fire(4000, DISK_DB1).advanceTo(4030);

    List<RecordingNotifier.Call> calls = timeline.receiver("ops").calls();
    assertThat(calls).extracting(RecordingNotifier.Call::at).containsExactly(t(30), t(4030));
    assertThat(calls).allSatisfy(call -> assertThat(call.notification().resolved()).isEmpty());
  }

  @Test
  void routesSendToTheFirstMatchingChildAndToLaterOnesWithContinue() {
    Route root =
        Route.builder("ops")
            .groupBy("alertname")
            .route(Route.builder("pager").matcher("severity=\"page\"").build())
            .route(Route.builder("tickets").matcher("severity=~\"page|ticket\"").build())
            .route(
                Route.builder("audit")
                    .matcher("team=\"dba\"")
                    .continueMatching(true)
                    .groupBy("alertname")
                    .build())
            .route(Route.builder("dba").matcher("team=\"dba\"").groupBy("alertname").build())
            .build();
    var timeline = new Timeline(DispatchConfig.of(root), "ops", "pager", "tickets", "audit", "dba");

    timeline
        .fire(0, "alertname", "A", "severity", "page")
        .fire(0, "alertname", "B", "severity", "ticket")
        .fire(0, "alertname", "C", "team", "dba")
        .fire(0, "alertname", "D", "severity", "info")
        .advanceTo(30);

    assertThat(names(timeline.receiver("pager"))).containsExactly("A");
    assertThat(names(timeline.receiver("tickets"))).containsExactly("B");
    assertThat(names(timeline.receiver("audit"))).containsExactly("C");
    assertThat(names(timeline.receiver("dba"))).containsExactly("C");
    assertThat(names(timeline.receiver("ops"))).containsExactly("D");
  }

  private static List<String> names(RecordingNotifier notifier) {
    return notifier.calls().stream()
        .flatMap(call -> call.notification().alerts().stream())
        .map(Alert::name)
        .toList();
  }

  @Test
  void aSilencedAlertIsNotifiedOnceTheSilenceExpires() {
    var timeline = new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST), "ops");
    Silence silence =
        timeline
            .dispatcher
            .silences()
            .add(
                Silence.create(
                    List.of(Matcher.equal("host", "db1")),
                    t(0),
                    t(3600),
                    "alice",
                    "disk swap, OPS-123"));

    timeline.fire(10, DISK_DB1).advanceTo(1000);
    assertThat(timeline.receiver("ops").calls()).isEmpty();

    timeline.dispatcher.silences().expire(silence.id(), t(1000));
    timeline.advanceTo(1239);
    assertThat(timeline.receiver("ops").calls()).isEmpty();
    timeline.advanceTo(1240); // flushes at 40, 340, 640, 940, 1240
    assertThat(timeline.receiver("ops").calls())
        .extracting(RecordingNotifier.Call::at)
        .containsExactly(t(1240));
    assertThat(timeline.dispatcher.silences().list()).hasSize(1);
  }

  @Test
  void aSilenceEndingOnItsOwnLetsTheAlertThrough() {
    var timeline = new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST), "ops");
    timeline
        .dispatcher
        .silences()
        .add(Silence.create(List.of(Matcher.regex("dev", "sd.")), t(0), t(100), "bob", "test"));

    timeline.fire(0, DISK_DB1).advanceTo(400);

    assertThat(timeline.receiver("ops").calls())
        .extracting(RecordingNotifier.Call::at)
        .containsExactly(t(330));
  }

  @Test
  void aSilentHostMutesItsOtherAlertsUntilItResolves() {
    var rule =
        new InhibitRule(
            List.of(Matcher.equal("alertname", "HostSilent")),
            List.of(Matcher.parse("alertname!=\"HostSilent\"")),
            List.of("host"));
    var timeline =
        new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST).withInhibitRules(List.of(rule)), "ops");
    RecordingNotifier ops = timeline.receiver("ops");

    timeline
        .fire(0, "alertname", "HostSilent", "host", "db1")
        .fire(0, DISK_DB1)
        .fire(0, "alertname", "DiskFull", "host", "db2", "dev", "sda")
        .advanceTo(30);
    assertThat(ops.calls())
        .extracting(call -> call.notification().groupLabels().toString())
        .containsExactlyInAnyOrder(
            "{alertname=\"HostSilent\", host=\"db1\"}", "{alertname=\"DiskFull\", host=\"db2\"}");

    timeline.resolve(100, "alertname", "HostSilent", "host", "db1").advanceTo(330);
    assertThat(ops.calls()).hasSize(4);
    assertThat(ops.calls().subList(2, 4))
        .extracting(call -> call.notification().groupLabels().toString())
        .containsExactlyInAnyOrder(
            "{alertname=\"HostSilent\", host=\"db1\"}", "{alertname=\"DiskFull\", host=\"db1\"}");
  }

  @Test
  void replicationStoppedUpstreamMutesLagDownstreamOfTheSameCluster() {
    var rule =
        new InhibitRule(
            List.of(Matcher.equal("alertname", "ReplicationStopped")),
            List.of(Matcher.equal("alertname", "ReplicationLagHigh")),
            List.of("cluster"));
    var timeline =
        new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST).withInhibitRules(List.of(rule)), "ops");

    timeline
        .fire(0, "alertname", "ReplicationStopped", "cluster", "c1", "host", "up1")
        .fire(0, "alertname", "ReplicationLagHigh", "cluster", "c1", "host", "down1")
        .fire(0, "alertname", "ReplicationLagHigh", "cluster", "c2", "host", "down2")
        .advanceTo(30);

    assertThat(timeline.receiver("ops").calls())
        .extracting(call -> call.notification().groupLabels().get("host"))
        .containsExactlyInAnyOrder("up1", "down2");
  }

  @Test
  void aMaintenanceWindowMutesOnlyTheExpectedAlertsDuringItsSpan() {
    var window =
        new MaintenanceWindow(
            "cutover",
            t(0),
            t(600),
            List.of(Matcher.regex("alertname", "ReadOnlyWrongSide|ReplicationDirection.*")));
    var timeline =
        new Timeline(
            DispatchConfig.of(BY_ALERT_AND_HOST).withMaintenanceWindows(List.of(window)), "ops");
    RecordingNotifier ops = timeline.receiver("ops");

    timeline
        .fire(0, "alertname", "ReadOnlyWrongSide", "host", "db1")
        .fire(0, "alertname", "ReplicationDirectionWrong", "host", "db2")
        .fire(0, "alertname", "DiskFull", "host", "db3")
        .advanceTo(599);
    assertThat(ops.calls())
        .extracting(call -> call.notification().groupLabels().alertName())
        .containsExactly("DiskFull");

    timeline.advanceTo(630); // the window closed at 600; the groups flush at 630
    assertThat(ops.calls().subList(1, ops.calls().size()))
        .extracting(call -> call.notification().groupLabels().alertName())
        .containsExactlyInAnyOrder("ReadOnlyWrongSide", "ReplicationDirectionWrong");
  }

  @Test
  void aMaintenanceWindowAddedAtRunTimeMutesToo() {
    var timeline = new Timeline(DispatchConfig.of(BY_ALERT_AND_HOST), "ops");
    timeline
        .dispatcher
        .maintenanceWindows()
        .add(
            new MaintenanceWindow(
                "drill", t(0), t(3600), List.of(Matcher.equal("alertname", "ReadOnlyWrongSide"))));

    timeline.fire(0, "alertname", "ReadOnlyWrongSide", "host", "db1").advanceTo(1000);

    assertThat(timeline.receiver("ops").calls()).isEmpty();
  }

  @Test
  void aFlappingAlertIsAnnouncedFiringOnceAndResolvedOnlyAfterStayingResolved() {
    Route route =
        Route.builder("ops")
            .groupBy("alertname", "host")
            .groupWait(Duration.ofSeconds(10))
            .groupInterval(Duration.ofSeconds(10))
            .build();
    var timeline = new Timeline(DispatchConfig.of(route), "ops");
    RecordingNotifier ops = timeline.receiver("ops");

    // Changes 1..4 are not flapping yet: each is announced.
    timeline.fire(0, DISK_DB1).advanceTo(10);
    timeline.resolve(15, DISK_DB1).advanceTo(20);
    timeline.fire(25, DISK_DB1).advanceTo(40);
    timeline.resolve(42, DISK_DB1).advanceTo(50);
    assertThat(ops.calls())
        .extracting(call -> call.notification().status())
        .containsExactly(
            AlertStatus.FIRING, AlertStatus.RESOLVED, AlertStatus.FIRING, AlertStatus.RESOLVED);

    // Change 5 fires (announced once), 6 resolves while flapping: held for 5 minutes.
    timeline.fire(55, DISK_DB1).advanceTo(70);
    timeline.resolve(75, DISK_DB1);
    timeline.fire(100, DISK_DB1);
    timeline.resolve(120, DISK_DB1);
    timeline.advanceTo(120 + 299);
    assertThat(ops.calls()).hasSize(5);
    assertThat(ops.calls().get(4).notification().status()).isEqualTo(AlertStatus.FIRING);

    // Held until 420; the group flushes every 10 s from 65: the notice goes at 425.
    timeline.advanceTo(430);
    assertThat(ops.calls()).hasSize(6);
    assertThat(ops.calls().get(5).notification().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(ops.calls().get(5).at()).isEqualTo(t(425));
    timeline.advanceTo(1000);
    assertThat(ops.calls()).hasSize(6);
  }
}
