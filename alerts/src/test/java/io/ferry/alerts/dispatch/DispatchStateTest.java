package io.ferry.alerts.dispatch;

import static io.ferry.alerts.dispatch.Timeline.t;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.alerts.AlertStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchStateTest {

  private static final String[] DISK = {"alertname", "DiskFull", "host", "db1"};
  private static final Route ROUTE = Route.builder("ops").groupBy("alertname", "host").build();

  @Test
  void afterARestartANotifiedGroupIsNotPagedAgainBeforeRepeatInterval() {
    var before = new Timeline(DispatchConfig.of(ROUTE), "ops");
    before.fire(0, DISK).advanceTo(100);
    assertThat(before.receiver("ops").calls()).hasSize(1);

    String json = DispatchStateJson.write(before.dispatcher.snapshot());
    var after = new Timeline(DispatchConfig.of(ROUTE), DispatchStateJson.read(json), "ops");
    RecordingNotifier ops = after.receiver("ops");

    after.advanceTo(100);
    after.fire(101, DISK); // the evaluator may report it again after its own restart
    after.advanceTo(30 + Duration.ofHours(4).toSeconds() - 1);
    assertThat(ops.calls()).as("no duplicate page after the restart").isEmpty();

    after.advanceTo(30 + Duration.ofHours(4).toSeconds());
    assertThat(ops.calls()).as("the firing alert is not forgotten").hasSize(1);

    after.resolve(20_000, DISK).advanceTo(20_400);
    assertThat(ops.calls()).hasSize(2);
    assertThat(ops.calls().get(1).notification().status()).isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void aGroupStillWaitingKeepsItsTimerAcrossARestart() {
    var before = new Timeline(DispatchConfig.of(ROUTE), "ops");
    before.fire(0, DISK).advanceTo(10);

    DispatchState state =
        DispatchStateJson.read(DispatchStateJson.write(before.dispatcher.snapshot()));
    var after = new Timeline(DispatchConfig.of(ROUTE), state, "ops");
    after.advanceTo(100);

    assertThat(after.receiver("ops").calls())
        .extracting(RecordingNotifier.Call::at)
        .containsExactly(t(30));
  }

  @Test
  void theStateSurvivesJsonUnchanged() {
    Route fast =
        Route.builder("ops")
            .groupBy("alertname", "host")
            .groupWait(Duration.ofSeconds(1))
            .groupInterval(Duration.ofSeconds(1))
            .build();
    var timeline =
        new Timeline(
            DispatchConfig.of(fast)
                .withFlap(new FlapDamping(1, Duration.ofMinutes(10), Duration.ofMinutes(5))),
            "ops");
    timeline
        .dispatcher
        .silences()
        .add(
            Silence.create(
                List.of(Matcher.parse("host=~\"db[0-9]+\"")), t(0), t(60), "alice", "why"));
    timeline
        .dispatcher
        .maintenanceWindows()
        .add(
            new MaintenanceWindow(
                "cutover", t(0), t(600), List.of(Matcher.equal("alertname", "X"))));
    timeline
        .fire(0, DISK)
        .advanceTo(70)
        .resolve(80, DISK)
        .fire(85, "alertname", "Other", "host", "db2");

    DispatchState state = timeline.dispatcher.snapshot();
    String json = DispatchStateJson.write(state);

    assertThat(json).contains("\"2025-06-01T22:01:00Z\"").contains("host=~\\\"db[0-9]+\\\"");
    assertThat(state.groups()).hasSize(2);
    assertThat(state.groups().get(0).alerts().get(0).holdUntil()).isEqualTo(t(80 + 300));
    assertThat(state.notificationLog()).hasSize(1);
    assertThat(state.flapChanges()).isNotEmpty();
    assertThat(DispatchStateJson.read(json)).isEqualTo(state);
  }

  @Test
  void silencesAndRunTimeWindowsAreRestored() {
    var before = new Timeline(DispatchConfig.of(ROUTE), "ops");
    before
        .dispatcher
        .silences()
        .add(Silence.create(List.of(Matcher.equal("host", "db1")), t(0), t(3600), "alice", "swap"));
    before
        .dispatcher
        .maintenanceWindows()
        .add(new MaintenanceWindow("drill", t(0), t(3600), List.of(Matcher.equal("host", "db2"))));

    var after =
        new Timeline(
            DispatchConfig.of(ROUTE),
            DispatchStateJson.read(DispatchStateJson.write(before.dispatcher.snapshot())),
            "ops");
    after.fire(0, DISK).fire(0, "alertname", "DiskFull", "host", "db2").advanceTo(1000);

    assertThat(after.receiver("ops").calls()).isEmpty();
    assertThat(after.dispatcher.silences().list()).hasSize(1);
    assertThat(after.dispatcher.maintenanceWindows().list())
        .extracting(MaintenanceWindow::name)
        .containsExactly("drill");
  }

  @Test
  void groupsOfARouteThatIsGoneAreRoutedAgainWithoutDuplicatePages() {
    Route old =
        Route.builder("ops")
            .groupBy("alertname", "host")
            .route(Route.builder("ops").matcher("team=\"dba\"").build())
            .build();
    var before = new Timeline(DispatchConfig.of(old), "ops");
    before.fire(0, "alertname", "DiskFull", "host", "db1", "team", "dba").advanceTo(100);
    assertThat(before.receiver("ops").calls()).hasSize(1);

    var after =
        new Timeline(
            DispatchConfig.of(ROUTE),
            DispatchStateJson.read(DispatchStateJson.write(before.dispatcher.snapshot())),
            "ops");
    after.advanceTo(1000);

    assertThat(after.dispatcher.snapshot().groups())
        .extracting(DispatchState.GroupState::key)
        .containsExactly("route:{alertname=\"DiskFull\", host=\"db1\"}");
    assertThat(after.receiver("ops").calls())
        .as("a new group key: the receiver is told once under it")
        .hasSize(1);
  }
}
