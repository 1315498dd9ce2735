package io.ferry.alerts.dispatch;

import static io.ferry.alerts.dispatch.Timeline.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.alerts.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The small stages, each alone. */
class StagesTest {

  private static final Labels HOST_SILENT = Labels.of("alertname", "HostSilent", "host", "db1");
  private static final Labels DISK_DB1 = Labels.of("alertname", "DiskFull", "host", "db1");
  private static final Labels DISK_DB2 = Labels.of("alertname", "DiskFull", "host", "db2");

  @Test
  void inhibitRuleMutesTargetsWithEqualLabelsButNotTheSourceItself() {
    var rule =
        new InhibitRule(
            List.of(Matcher.equal("alertname", "HostSilent")), List.of(), List.of("host"));
    assertThat(rule.inhibits(HOST_SILENT, DISK_DB1)).isTrue();
    assertThat(rule.inhibits(HOST_SILENT, DISK_DB2)).isFalse();
    assertThat(rule.inhibits(HOST_SILENT, HOST_SILENT)).isFalse();
    assertThat(rule.inhibits(DISK_DB1, HOST_SILENT)).isFalse();
  }

  @Test
  void equalLabelsMissingOnBothSidesCountAsEqual() {
    var rule =
        new InhibitRule(
            List.of(Matcher.equal("alertname", "ReplicationStopped")),
            List.of(Matcher.equal("alertname", "ReplicationLagHigh")),
            List.of("cluster"));
    assertThat(
            rule.inhibits(
                Labels.of("alertname", "ReplicationStopped"),
                Labels.of("alertname", "ReplicationLagHigh")))
        .isTrue();
    assertThat(
            rule.inhibits(
                Labels.of("alertname", "ReplicationStopped", "cluster", "c1"),
                Labels.of("alertname", "ReplicationLagHigh")))
        .isFalse();
  }

  @Test
  void muteStageSaysWhy() {
    var silences = new Silences();
    Silence silence =
        silences.add(Silence.create(List.of(Matcher.equal("host", "db2")), t(0), t(60), "a", "b"));
    var windows =
        new MaintenanceWindows(
            List.of(
                new MaintenanceWindow("w", t(0), t(60), List.of(Matcher.equal("host", "db3")))));
    var rule =
        new InhibitRule(
            List.of(Matcher.equal("alertname", "HostSilent")), List.of(), List.of("host"));
    var stage = new MuteStage(List.of(rule), silences, windows);

    assertThat(stage.mutedBy(DISK_DB1, t(1), List.of(HOST_SILENT)))
        .contains("inhibited by " + HOST_SILENT);
    assertThat(stage.mutedBy(DISK_DB2, t(1), List.of())).contains("silence " + silence.id());
    assertThat(stage.mutedBy(Labels.of("host", "db3"), t(1), List.of()))
        .contains("maintenance window w");
    assertThat(stage.mutedBy(DISK_DB2, t(60), List.of())).isEmpty();
  }

  @Test
  void silencesAreValidatedAndMuteOnlyWhileActive() {
    var silences = new Silences();
    List<Matcher> db1 = List.of(Matcher.equal("host", "db1"));
    assertThatThrownBy(() -> silences.add(Silence.create(List.of(), t(0), t(1), "a", "c")))
        .hasMessageContaining("at least one matcher");
    assertThatThrownBy(() -> silences.add(Silence.create(db1, t(1), t(1), "a", "c")))
        .hasMessageContaining("end after it starts");
    assertThatThrownBy(() -> silences.add(Silence.create(db1, t(0), t(1), " ", "c")))
        .hasMessageContaining("author");
    assertThatThrownBy(() -> silences.add(Silence.create(db1, t(0), t(1), "a", null)))
        .hasMessageContaining("comment");
    assertThatThrownBy(() -> silences.add(new Silence("x", db1, t(0), t(1), "a", "c")))
        .hasMessageContaining("UUID");

    Silence silence = silences.add(Silence.create(db1, t(10), t(100), "alice", "swap"));
    assertThat(silences.isSilenced(DISK_DB1, t(9))).isFalse();
    assertThat(silences.isSilenced(DISK_DB1, t(10))).isTrue();
    assertThat(silences.isSilenced(DISK_DB2, t(10))).isFalse();
    assertThat(silences.isSilenced(DISK_DB1, t(100))).isFalse();

    assertThat(silences.expire(silence.id(), t(50))).map(Silence::endsAt).contains(t(50));
    assertThat(silences.isSilenced(DISK_DB1, t(50))).isFalse();
    assertThat(silences.expire(silence.id(), t(60))).as("already expired").isEmpty();
    assertThat(silences.list()).hasSize(1);

    silences.dropOld(t(50).plus(Silences.RETENTION));
    assertThat(silences.list()).as("kept for the retention").hasSize(1);
    silences.dropOld(t(51).plus(Silences.RETENTION));
    assertThat(silences.list()).isEmpty();
  }

  @Test
  void expiringASilenceNotYetStartedEndsItBeforeItStarts() {
    var silences = new Silences();
    Silence silence =
        silences.add(
            Silence.create(List.of(Matcher.equal("host", "db1")), t(100), t(200), "a", "c"));
    Silence expired = silences.expire(silence.id(), t(10)).orElseThrow();
    assertThat(expired.startsAt()).isEqualTo(t(10));
    assertThat(silences.isSilenced(DISK_DB1, t(150))).isFalse();
  }

  @Test
  void maintenanceWindowsMuteMatchingAlertsDuringTheirSpan() {
    var cutover =
        new MaintenanceWindow(
            "cutover",
            t(0),
            t(600),
            List.of(Matcher.regex("alertname", "ReadOnlyWrongSide|ReplicationDirection.*")));
    var windows = new MaintenanceWindows(List.of(cutover));
    Labels readOnly = Labels.of("alertname", "ReadOnlyWrongSide", "host", "db1");
    Labels direction = Labels.of("alertname", "ReplicationDirectionWrong");

    assertThat(windows.mutes(readOnly, t(-1))).isFalse();
    assertThat(windows.mutes(readOnly, t(0))).isTrue();
    assertThat(windows.mutes(direction, t(599))).isTrue();
    assertThat(windows.mutes(DISK_DB1, t(10))).isFalse();
    assertThat(windows.mutes(readOnly, t(600))).isFalse();

    windows.add(
        new MaintenanceWindow("drill", t(600), t(700), List.of(Matcher.equal("host", "db1"))));
    assertThat(windows.mutes(DISK_DB1, t(650))).isTrue();
    assertThatThrownBy(() -> windows.add(cutover)).hasMessageContaining("already named cutover");
    assertThat(windows.remove("cutover")).as("configured windows stay").isFalse();
    assertThat(windows.remove("drill")).isTrue();
    assertThat(windows.list()).extracting(MaintenanceWindow::name).containsExactly("cutover");
    assertThatThrownBy(
            () -> new MaintenanceWindow("x", t(1), t(1), List.of(Matcher.equal("a", "b"))))
        .hasMessageContaining("end after");
  }

  @Test
  void retryBackoffDoublesFromOneSecondUpToAMinuteWithJitterBelowIt() {
    RetryPolicy policy = RetryPolicy.DEFAULTS;
    RandomGenerator zero = () -> 0L;
    assertThat(
            List.of(1, 2, 3, 4, 5, 6, 7, 8).stream().map(n -> policy.backoff(n, zero).toSeconds()))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    RandomGenerator max = () -> -1L; // nextDouble() just below 1
    assertThat(policy.backoff(1, max)).isBetween(Duration.ofMillis(800), Duration.ofMillis(801));
    assertThat(policy.backoff(7, max)).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(60));
    assertThat(policy.backoff(1000, zero)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void dedupSendsOnlyWhatTheReceiverDoesNotKnowOrWhenRepeatIsDue() {
    Duration repeat = Duration.ofHours(4);
    var entry = Optional.of(new NotificationLogEntry("ops", "g", Set.of("a"), Set.of(), t(0)));

    assertThat(NotificationLog.needsUpdate(Optional.empty(), Set.of("a"), Set.of(), repeat, t(0)))
        .isTrue();
    assertThat(NotificationLog.needsUpdate(Optional.empty(), Set.of(), Set.of(), repeat, t(0)))
        .isFalse();
    assertThat(NotificationLog.needsUpdate(entry, Set.of("a"), Set.of(), repeat, t(100))).isFalse();
    assertThat(NotificationLog.needsUpdate(entry, Set.of("a", "b"), Set.of(), repeat, t(100)))
        .isTrue();
    assertThat(NotificationLog.needsUpdate(entry, Set.of(), Set.of("a"), repeat, t(100))).isTrue();
    assertThat(NotificationLog.needsUpdate(entry, Set.of("a"), Set.of(), repeat, t(4 * 3600)))
        .isTrue();
    assertThat(NotificationLog.needsUpdate(entry, Set.of(), Set.of(), repeat, t(5 * 3600)))
        .isFalse();
  }

  @Test
  void anAlertFlapsWhenItChangedMoreThanNTimesWithinTheWindow() {
    var detector = new FlapDetector(FlapDamping.DEFAULTS);
    assertThat(detector.changed("a", t(0))).isFalse();
    assertThat(detector.changed("a", t(60))).isFalse();
    assertThat(detector.changed("a", t(120))).isFalse();
    assertThat(detector.changed("a", t(180))).isFalse();
    assertThat(detector.changed("a", t(240))).as("5 changes in 10 minutes").isTrue();
    assertThat(detector.changed("b", t(240))).isFalse();
    assertThat(detector.changed("a", t(900))).as("older changes left the window").isFalse();
    detector.dropOld(t(2000));
    assertThat(detector.snapshot()).isEmpty();
  }
}
