package io.ferry.mysqlfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeartbeatTableTest {

  @Test
  void parsesDatabaseDotTable() {
    assertThat(HeartbeatTable.parse(" percona.heartbeat "))
        .contains(new HeartbeatTable("percona", "heartbeat"));
    assertThat(HeartbeatTable.parse("ops_1.hb$2")).contains(new HeartbeatTable("ops_1", "hb$2"));
  }

  @Test
  void rejectsAnythingThatWouldNeedQuoting() {
    assertThat(HeartbeatTable.parse("heartbeat")).isEmpty();
    assertThat(HeartbeatTable.parse("a.b.c")).isEmpty();
    assertThat(HeartbeatTable.parse("a.")).isEmpty();
    assertThat(HeartbeatTable.parse("a.b`; DROP TABLE x")).isEmpty();
    assertThat(HeartbeatTable.parse("my db.heartbeat")).isEmpty();
    assertThatThrownBy(() -> new HeartbeatTable("a`", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a`.b");
  }

  @Test
  void createStatementsHavePtHeartbeatsLayout() {
    assertThat(new HeartbeatTable("percona", "heartbeat").createStatements())
        .isEqualTo(
            "CREATE DATABASE IF NOT EXISTS `percona`; CREATE TABLE IF NOT EXISTS"
                + " `percona`.`heartbeat` (ts varchar(26) NOT NULL, server_id int unsigned NOT NULL"
                + " PRIMARY KEY, file varchar(255) DEFAULT NULL, position bigint unsigned DEFAULT"
                + " NULL, relay_master_log_file varchar(255) DEFAULT NULL, exec_master_log_pos"
                + " bigint unsigned DEFAULT NULL);");
  }

  @Test
  void grantIsOnTheOneTableAndAddsWritesOnlyForTheUpdater() {
    var table = new HeartbeatTable("percona", "heartbeat");

    assertThat(table.grantStatement("'mon'@'%'", false))
        .isEqualTo("GRANT SELECT ON `percona`.`heartbeat` TO 'mon'@'%';");
    assertThat(table.grantStatement("'mon'@'%'", true))
        .isEqualTo("GRANT SELECT, INSERT, UPDATE ON `percona`.`heartbeat` TO 'mon'@'%';");
  }

  @Test
  void theAgeIsComputedByTheServerInUtcUnderTheNamedColumns() {
    assertThat(new HeartbeatTable("ops", "hb").ageStatement())
        .isEqualTo(
            "SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) AS age_us"
                + " FROM `ops`.`hb`");
  }
}
