package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.check.ReplicationTopologyCheck;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replication lag check on the real stack with a pt-heartbeat table: a stale heartbeat row
 * FAILs while every server says {@code Seconds_Behind_Master} 0, a fresh one passes.
 */
class HeartbeatLagOnStackTest {

  // A table of its own, so other tests sharing the stack never see this one's stale row.
  private static final String DB = "cut_heartbeat";
  private static final String TABLE = DB + ".heartbeat";

  @BeforeAll
  static void createTheHeartbeatTable() {
    createDatabase(
        DB,
        "CREATE TABLE heartbeat (ts varchar(26) NOT NULL, server_id int unsigned NOT NULL PRIMARY"
            + " KEY, file varchar(255) DEFAULT NULL, position bigint unsigned DEFAULT NULL,"
            + " relay_master_log_file varchar(255) DEFAULT NULL, exec_master_log_pos bigint"
            + " unsigned DEFAULT NULL)");
  }

  @AfterAll
  static void dropTheHeartbeatTable() {
    dropDatabase(DB);
  }

  @Test
  void aStaleHeartbeatFailsTheLagCheckNamingTheHeartbeat() throws Exception {
    writeOldPrimaryHeartbeat("UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE");

    CheckResult lag = runLagCheck();

    assertThat(lag.status()).isEqualTo(Status.FAIL);
    assertThat(lag.summary()).contains("heartbeat").contains("s old in " + TABLE);
    assertThat(lag.evidence())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("old-replica from 127.0.0.1:")
                    .contains("heartbeat 600")
                    .contains("(Seconds_Behind_Master 0 s), more than 10 s"));
  }

  @Test
  void aFreshHeartbeatPassesAndSaysSo() throws Exception {
    writeOldPrimaryHeartbeat("UTC_TIMESTAMP(6)");

    CheckResult lag = runLagCheck();

    assertThat(lag.status()).as(lag.evidence().toString()).isEqualTo(Status.PASS);
    assertThat(lag.evidence())
        .anySatisfy(line -> assertThat(line).startsWith("old-replica").contains("heartbeat"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("old-primary")
                    .contains("by Seconds_Behind_Master; no heartbeat row from server_id 3"));
  }

  /** The old primary's row, replicated everywhere, with {@code ts} from the given expression. */
  private static void writeOldPrimaryHeartbeat(String utcTime) {
    StackFixture.stack()
        .oldPrimary()
        .execute(
            "REPLACE INTO "
                + TABLE
                + " (ts, server_id) VALUES (DATE_FORMAT("
                + utcTime
                + ", '%Y-%m-%dT%H:%i:%s.%f'), 1)");
    StackFixture.awaitReplication();
  }

  private static CheckResult runLagCheck() throws Exception {
    var options =
        ComparisonOptions.builder()
            .heartbeatTable(TABLE)
            .maxReplicaLag(Duration.ofSeconds(10))
            .build();
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      return new ReplicationTopologyCheck()
          .run(new CheckContext(StackFixture.topology(), options, connections)).stream()
              .filter(result -> result.name().equals("replication lag"))
              .findFirst()
              .orElseThrow();
    }
  }
}
