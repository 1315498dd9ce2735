package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.check.SchemaCheck;
import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import io.ferry.testkit.LocalMariaDb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event status on the real stack, where an event created on the old primary reaches the new one
 * through replication as {@code SLAVESIDE_DISABLED}: that is the expected state before the switch
 * (listed to enable at the switch), an event turned off on one side only is drift in either
 * direction and phase, and after the switch it must run on exactly one side: the new one.
 */
class EventStatusOnStackTest {

  private static final String DB = "cut_events";
  private static final String EVENT = DB + ".cleanup";

  @BeforeEach
  void createEvent() {
    createDatabase(
        DB,
        "CREATE TABLE jobs (id INT PRIMARY KEY)",
        "CREATE EVENT cleanup ON SCHEDULE EVERY 1 DAY DO DELETE FROM jobs WHERE id < 0");
  }

  @AfterEach
  void dropEvent() {
    dropDatabase(DB);
  }

  @Test
  void replicatedEventIsListedToEnableAtTheSwitchBeforeItAndFailsAfterIt() throws Exception {
    assertThat(StackFixture.query(stack().newPrimary(), statusOfCleanup()))
        .isEqualTo("SLAVESIDE_DISABLED");

    CheckResult before = eventStatus(Phase.PRE);
    assertThat(before.status()).isEqualTo(Status.WARN);
    assertThat(before.evidence())
        .containsExactly(
            EVENT + ": enable at switch: runs on the old side, replica-side disabled on new");

    CheckResult after = eventStatus(Phase.POST);
    assertThat(after.status()).isEqualTo(Status.FAIL);
    assertThat(after.evidence())
        .containsExactly(
            EVENT
                + ": still runs on the old side only: enable it on the new side and disable it on"
                + " the old");
  }

  @Test
  void disabledOnTheNewSideOnlyIsDriftInBothPhases() throws Exception {
    onlyOn(stack().newPrimary(), "ALTER EVENT " + EVENT + " DISABLE");

    for (Phase phase : Phase.values()) {
      CheckResult result = eventStatus(phase);
      assertThat(result.status()).as(phase.name()).isEqualTo(Status.FAIL);
      assertThat(result.evidence())
          .as(phase.name())
          .containsExactly(
              EVENT + ": explicitly DISABLED on the new side only (old ENABLED, new DISABLED)");
    }
  }

  @Test
  void disabledOnTheOldSideOnlyIsDriftInBothPhases() throws Exception {
    onlyOn(stack().oldPrimary(), "ALTER EVENT " + EVENT + " DISABLE");

    for (Phase phase : Phase.values()) {
      CheckResult result = eventStatus(phase);
      assertThat(result.status()).as(phase.name()).isEqualTo(Status.FAIL);
      assertThat(result.evidence())
          .as(phase.name())
          .containsExactly(
              EVENT
                  + ": explicitly DISABLED on the old side only (old DISABLED, new"
                  + " REPLICA_SIDE_DISABLED)");
    }
  }

  @Test
  void afterTheSwitchAnEventEnabledOnBothSidesRunsTwiceAndOnTheNewOnlyPasses() throws Exception {
    onlyOn(stack().newPrimary(), "ALTER EVENT " + EVENT + " ENABLE");

    CheckResult both = eventStatus(Phase.POST);
    assertThat(both.status()).isEqualTo(Status.FAIL);
    assertThat(both.evidence())
        .containsExactly(EVENT + ": ENABLED on both sides: the scheduled job runs twice");

    // what a DBA does at the switch: the old side keeps the event as a replica would
    onlyOn(stack().oldPrimary(), "ALTER EVENT " + EVENT + " DISABLE ON SLAVE");

    assertThat(eventStatus(Phase.POST).status()).isEqualTo(Status.PASS);
  }

  private static String statusOfCleanup() {
    return "SELECT STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA = '"
        + DB
        + "' AND EVENT_NAME = 'cleanup'";
  }

  private static void onlyOn(LocalMariaDb server, String statement) {
    server.execute("SET SESSION sql_log_bin = 0", statement);
  }

  private static CheckResult eventStatus(Phase phase) throws Exception {
    ComparisonOptions options =
        ComparisonOptions.builder()
            .phase(phase)
            .tableFilter(new TableFilter(List.of(DB), List.of()))
            .build();
    ClusterTopology topology = StackFixture.topology();
    try (NodeConnections connections =
        new NodeConnections(options.connectTimeout(), options.statementTimeout())) {
      List<CheckResult> results =
          new SchemaCheck().run(new CheckContext(topology, options, connections));
      return results.stream()
          .filter(result -> result.name().equals("event status"))
          .findFirst()
          .orElseThrow();
    }
  }
}
