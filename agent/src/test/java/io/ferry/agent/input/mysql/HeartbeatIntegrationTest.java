package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat on the real servers of the shared stack, as the agent user: Ferry's writer on the
 * old primary, lag read on the old replica, and both directions of compatibility with pt-heartbeat.
 */
class HeartbeatIntegrationTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(30);
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
  private static final HeartbeatTable TABLE = new HeartbeatTable("percona", "heartbeat");
  private static final String AGENT_ACCOUNT = "'" + MigrationStack.AGENT_USER + "'@'127.0.0.1'";

  private static MigrationStack stack;

  @TempDir Path workDir;

  @BeforeAll
  static void createTheTableOnTheOldPrimaryAndGrantTheAgentUser() {
    stack = SharedStack.get();
    // The very statements the agent prints for the operator, run as they are.
    stack
        .oldPrimary()
        .execute(
            Arrays.stream(TABLE.createStatements().split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toArray(String[]::new));
    stack.awaitReplicationCaughtUp(CATCH_UP);
    for (LocalMariaDb server : stack.mariaDbs()) {
      boolean writer = server == stack.oldPrimary() || server == stack.newPrimary();
      // Accounts are per node on a master/master stack: unlogged, or the peer replays the grant.
      server.execute("SET sql_log_bin = 0", TABLE.grantStatement(AGENT_ACCOUNT, writer));
    }
  }

  @Test
  void theUpdaterWritesPtHeartbeatsRowOnThePrimary() throws Exception {
    try (var writer = source("old-primary", stack.oldPrimary(), true)) {
      var collected = new RecordingAccumulator();
      writer.collect(collected);

      assertThat(collected.errors).isEmpty();
    }

    try (Connection admin = stack.oldPrimary().connectAdmin();
        Statement statement = admin.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT ts, file, position, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6))"
                    + " FROM percona.heartbeat WHERE server_id = 1")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
      assertThat(row.getString(2)).startsWith("mariadb-bin");
      assertThat(row.getLong(3)).isPositive();
      assertThat(row.getLong(4)).isBetween(0L, 10_000_000L);
    }
  }

  @Test
  void aReadOnlyPrimaryIsSkippedSoBothPrimariesCanBeSetToWrite() throws Exception {
    try (var writer = source("new-primary", stack.newPrimary(), true)) {
      var collected = new RecordingAccumulator();
      writer.collect(collected);

      // Writing would fail with "running with the --read-only option" (error 1290).
      assertThat(collected.errors).isEmpty();
      assertThat(collected.single("mysql").fields())
          .containsEntry("read_only", FieldValue.of(true));
    }
  }

  @Test
  void theReplicaReportsASmallKnownHeartbeatLag() throws Exception {
    try (var writer = source("old-primary", stack.oldPrimary(), true);
        var reader = source("old-replica", stack.oldReplica(), false)) {
      writer.collect(new RecordingAccumulator());
      stack.awaitReplicationCaughtUp(CATCH_UP);

      var collected = new RecordingAccumulator();
      reader.collect(collected);

      assertThat(collected.errors).isEmpty();
      Point channel = collected.single("mysql_replication");
      assertThat(channel.fields())
          .containsEntry("heartbeat_age_known", FieldValue.of(true))
          .containsEntry("source_server_id", FieldValue.of(1L));
      assertThat(heartbeatLag(channel)).isBetween(0.0, 10.0);
    }
  }

  @Test
  void heartbeatLagGrowsWhileTheSqlThreadIsStoppedAndSecondsBehindMasterIsNull() throws Exception {
    LocalMariaDb replica = stack.oldReplica();
    try (var writer = source("old-primary", stack.oldPrimary(), true);
        var reader = source("old-replica", replica, false)) {
      writer.collect(new RecordingAccumulator());
      stack.awaitReplicationCaughtUp(CATCH_UP);
      replica.execute("STOP REPLICA SQL_THREAD");
      try {
        double first = heartbeatLag(stoppedChannel(reader));
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(300))
            .untilAsserted(
                () -> {
                  writer.collect(new RecordingAccumulator());
                  assertThat(heartbeatLag(stoppedChannel(reader))).isGreaterThan(first + 1.5);
                });
      } finally {
        replica.execute("START REPLICA SQL_THREAD");
        stack.awaitReplicationCaughtUp(CATCH_UP);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                writer.collect(new RecordingAccumulator());
                stack.awaitReplicationCaughtUp(CATCH_UP);
                var collected = new RecordingAccumulator();
                reader.collect(collected);
                assertThat(heartbeatLag(collected.single("mysql_replication"))).isLessThan(5.0);
              });
    }
  }

  @Test
  void ptHeartbeatCheckReadsTheRowFerryWrote() throws Exception {
    assumeThat(PtHeartbeat.isInstalled()).as("pt-heartbeat installed").isTrue();
    try (var writer = source("old-primary", stack.oldPrimary(), true)) {
      writer.collect(new RecordingAccumulator());
    }
    stack.awaitReplicationCaughtUp(CATCH_UP);

    var result =
        new PtHeartbeat(workDir)
            .run(stack.oldReplica(), TABLE, TOOL_TIMEOUT, "--check", "--master-server-id", "1");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(Double.parseDouble(result.output().strip())).isBetween(0.0, 10.0);
  }

  @Test
  void ferryReadsTheRowPtHeartbeatWroteOnTheOtherPrimary() throws Exception {
    assumeThat(PtHeartbeat.isInstalled()).as("pt-heartbeat installed").isTrue();
    var result =
        new PtHeartbeat(workDir)
            .run(
                stack.newPrimary(),
                TABLE,
                TOOL_TIMEOUT,
                "--update",
                "--interval",
                "0.2",
                "--run-time",
                "1");
    assertThat(result.exitCode()).as(result.output()).isZero();
    stack.awaitReplicationCaughtUp(CATCH_UP);

    try (var reader = source("old-primary", stack.oldPrimary(), false)) {
      var collected = new RecordingAccumulator();
      reader.collect(collected);

      Point channel = collected.single("mysql_replication");
      assertThat(channel.fields())
          .containsEntry("source_server_id", FieldValue.of(3L))
          .containsEntry("heartbeat_age_known", FieldValue.of(true));
      assertThat(heartbeatLag(channel)).isBetween(0.0, 10.0);
    }
  }

  @Test
  void aMissingTableIsReportedWithTheStatementsToRunAndTheChannelStillReported() throws Exception {
    var missing = new HeartbeatConfig(new HeartbeatTable("percona", "no_such_heartbeat"), false, 0);
    try (var reader = new MySqlInput(config("old-replica", stack.oldReplica(), missing))) {
      var collected = new RecordingAccumulator();
      reader.collect(collected);

      assertThat(collected.errors)
          .singleElement()
          .asString()
          .contains("the agent may not use heartbeat table percona.no_such_heartbeat")
          .contains("GRANT SELECT ON `percona`.`no_such_heartbeat`")
          .contains("CREATE TABLE IF NOT EXISTS `percona`.`no_such_heartbeat`");
      assertThat(collected.single("mysql_replication").fields())
          .containsEntry("state", FieldValue.of("running"))
          .doesNotContainKeys("heartbeat_age_known", "heartbeat_lag_seconds");
    }
  }

  /** Collects once; the channel must show a stopped SQL thread and no server lag. */
  private static Point stoppedChannel(MySqlInput reader) throws Exception {
    var collected = new RecordingAccumulator();
    reader.collect(collected);
    Point channel = collected.single("mysql_replication");
    assertThat(channel.fields())
        .containsEntry("sql_running", FieldValue.of(false))
        .containsEntry("lag_known", FieldValue.of(false))
        .containsEntry("heartbeat_age_known", FieldValue.of(true))
        .doesNotContainKey("lag_seconds");
    return channel;
  }

  private static double heartbeatLag(Point channel) {
    FieldValue lag = channel.fields().get("heartbeat_lag_seconds");
    assertThat(lag).as("heartbeat_lag_seconds in %s", channel).isNotNull();
    return ((FieldValue.FloatValue) lag).value();
  }

  private static MySqlInput source(String name, LocalMariaDb server, boolean update) {
    return new MySqlInput(config(name, server, new HeartbeatConfig(TABLE, update, 0)));
  }

  private static MySqlInputConfig config(
      String name, LocalMariaDb server, HeartbeatConfig heartbeat) {
    return new MySqlInputConfig(
        name,
        "127.0.0.1",
        server.port(),
        MigrationStack.AGENT_USER,
        MigrationStack.AGENT_PASSWORD,
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Map.of(),
        Optional.of(heartbeat));
  }
}
