package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MySQL input against the real MariaDB servers of the shared test stack, as the agent user. */
class MySqlInputIntegrationTest {

  private static final Duration CATCH_UP = Duration.ofSeconds(30);

  private static MigrationStack stack;

  @BeforeAll
  static void startStackAndWriteOnTheOldPrimary() {
    stack = SharedStack.get();
    // One replicated write, so that every server has a GTID position to report.
    stack
        .oldPrimary()
        .execute(
            "CREATE DATABASE IF NOT EXISTS mysql_source_it",
            "CREATE TABLE IF NOT EXISTS mysql_source_it.probe (id INT PRIMARY KEY)",
            "REPLACE INTO mysql_source_it.probe VALUES (1)");
    stack.awaitReplicationCaughtUp(CATCH_UP);
  }

  @Test
  void oldReplicaReportsItsRunningChannelWithAKnownLag() throws Exception {
    var collected = collectOnce("old-replica", stack.oldReplica());

    assertThat(collected.errors).isEmpty();
    Point channel = collected.single("mysql_replication");
    assertThat(channel.tags())
        .containsEntry("server", "old-replica")
        .containsEntry("flavor", "mariadb")
        .containsEntry("cluster", "old")
        .containsEntry("channel", "default")
        .containsEntry("source_host", "127.0.0.1")
        .containsEntry("source_port", Integer.toString(stack.oldPrimary().port()));
    assertThat(channel.fields())
        .containsEntry("state", FieldValue.of("running"))
        .containsEntry("lag_known", FieldValue.of(true))
        .containsEntry("using_gtid", FieldValue.of("Slave_Pos"))
        .containsEntry("source_server_id", FieldValue.of(1L))
        .containsKey("read_source_log_pos");
    assertThat(channel.fields().get("retrieved_gtid_set").toString()).contains("1-1-");
    assertThat(channel.fields().get("executed_gtid_set").toString()).contains("1-1-");
    assertThat(((FieldValue.FloatValue) channel.fields().get("lag_seconds")).value())
        .isGreaterThanOrEqualTo(0);

    Point server = collected.single("mysql");
    assertThat(server.fields())
        .containsEntry("server_id", FieldValue.of(2L))
        .containsEntry("read_only", FieldValue.of(true))
        .containsEntry("log_bin", FieldValue.of(true))
        .containsEntry("binlog_format", FieldValue.of("ROW"))
        .containsEntry("replication_channels", FieldValue.of(1L))
        .containsKeys("version", "uptime", "questions", "com_select", "gtid_executed")
        .doesNotContainKeys("super_read_only", "server_uuid");
    assertThat(collected.single("mysql_up").fields()).containsEntry("up", FieldValue.of(true));
  }

  @Test
  void bothPrimariesReportTheirMasterMasterChannelToEachOther() throws Exception {
    Point fromOld = collectOnce("new-primary", stack.newPrimary()).single("mysql_replication");
    Point fromNew = collectOnce("old-primary", stack.oldPrimary()).single("mysql_replication");

    assertThat(fromOld.tags())
        .containsEntry("source_port", Integer.toString(stack.oldPrimary().port()));
    assertThat(fromOld.fields())
        .containsEntry("state", FieldValue.of("running"))
        .containsEntry("source_server_id", FieldValue.of(1L));
    assertThat(fromNew.tags())
        .containsEntry("source_port", Integer.toString(stack.newPrimary().port()));
    assertThat(fromNew.fields())
        .containsEntry("state", FieldValue.of("running"))
        .containsEntry("source_server_id", FieldValue.of(3L));
  }

  @Test
  void aStoppedSqlThreadIsReportedEveryTimeWithoutALag() throws Exception {
    LocalMariaDb replica = stack.oldReplica();
    try (var source = source("old-replica", replica)) {
      replica.execute("STOP REPLICA SQL_THREAD");
      try {
        for (int collection = 0; collection < 2; collection++) {
          var collected = new RecordingAccumulator();
          source.collect(collected);
          Point channel = collected.single("mysql_replication");
          assertThat(channel.fields())
              .containsEntry("state", FieldValue.of("sql_stopped"))
              .containsEntry("io_running", FieldValue.of(true))
              .containsEntry("sql_running", FieldValue.of(false))
              .containsEntry("sql_state", FieldValue.of("stopped"))
              .containsEntry("lag_known", FieldValue.of(false))
              .doesNotContainKey("lag_seconds");
        }
      } finally {
        replica.execute("START REPLICA SQL_THREAD");
        stack.awaitReplicationCaughtUp(CATCH_UP);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                var collected = new RecordingAccumulator();
                source.collect(collected);
                assertThat(collected.single("mysql_replication").fields())
                    .containsEntry("state", FieldValue.of("running"))
                    .containsEntry("lag_known", FieldValue.of(true));
              });
    }
  }

  @Test
  void reconnectsAfterTheServerDroppedItsConnection() throws Exception {
    LocalMariaDb replica = stack.oldReplica();
    try (var source = source("old-replica", replica)) {
      source.collect(new RecordingAccumulator());
      killAgentConnections(replica);

      var collected = new RecordingAccumulator();
      source.collect(collected);

      assertThat(collected.single("mysql_up").fields()).containsEntry("up", FieldValue.of(true));
      assertThat(collected.measurement("mysql_replication")).hasSize(1);
    }
  }

  @Test
  void theAgentUserCannotWrite() throws SQLException {
    try (Connection agent =
            stack.oldPrimary().connect(MigrationStack.AGENT_USER, MigrationStack.AGENT_PASSWORD);
        Statement statement = agent.createStatement()) {
      assertThatThrownBy(() -> statement.execute("CREATE DATABASE ferry_agent_write_probe"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("denied");
      assertThatThrownBy(() -> statement.execute("SET GLOBAL read_only = 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("denied");
    }
  }

  private static RecordingAccumulator collectOnce(String name, LocalMariaDb server)
      throws Exception {
    try (var source = source(name, server)) {
      var collected = new RecordingAccumulator();
      source.collect(collected);
      return collected;
    }
  }

  private static MySqlInput source(String name, LocalMariaDb server) {
    return new MySqlInput(
        new MySqlInputConfig(
            name,
            "127.0.0.1",
            server.port(),
            MigrationStack.AGENT_USER,
            MigrationStack.AGENT_PASSWORD,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Map.of("cluster", "old"),
            Optional.empty()));
  }

  private static void killAgentConnections(LocalMariaDb server) throws SQLException {
    try (Connection admin = server.connectAdmin();
        Statement statement = admin.createStatement();
        var ids =
            statement.executeQuery(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '"
                    + MigrationStack.AGENT_USER
                    + "'")) {
      var toKill = new ArrayList<Long>();
      while (ids.next()) {
        toKill.add(ids.getLong(1));
      }
      assertThat(toKill).isNotEmpty();
      for (long id : toKill) {
        server.execute("KILL CONNECTION " + id);
      }
    }
  }
}
