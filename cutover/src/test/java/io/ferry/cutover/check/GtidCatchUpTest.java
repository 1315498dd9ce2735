package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The statements and positions of the GTID waits, per dialect. MySQL 8 cannot run here: its
 * statements are pinned to the MySQL manual's names ({@code gtid_executed}, {@code
 * WAIT_FOR_EXECUTED_GTID_SET(gtid_set, timeout)}, answering 0 when reached and 1 on timeout).
 */
class GtidCatchUpTest {

  @Test
  void mariaDbReadsTheBinlogPositionAndWaitsWithMasterGtidWait() {
    assertThat(GtidCatchUp.executedPositionQuery(true))
        .isEqualTo("SELECT @@GLOBAL.gtid_binlog_pos");
    assertThat(GtidCatchUp.waitQuery(true)).isEqualTo("SELECT MASTER_GTID_WAIT(?, ?)");
  }

  @Test
  void mySqlReadsTheExecutedSetAndWaitsForIt() {
    assertThat(GtidCatchUp.executedPositionQuery(false)).isEqualTo("SELECT @@GLOBAL.gtid_executed");
    assertThat(GtidCatchUp.waitQuery(false)).isEqualTo("SELECT WAIT_FOR_EXECUTED_GTID_SET(?, ?)");
  }

  @Test
  void aMariaDbReplicaWaitsForEveryDomainButThoseItWroteLastItself() {
    // old-primary's @@gtid_binlog_pos in the test stack after writes on both primaries and an
    // errant write on the replica (server 2) that reached the primary
    String position = "1-1-2913,2-2-4,3-3-17";

    assertThat(GtidCatchUp.waitablePosition(position, 2)).isEqualTo("1-1-2913,3-3-17");
    assertThat(GtidCatchUp.waitablePosition(position, 4)).isEqualTo(position);
    assertThat(GtidCatchUp.waitablePosition("", 2)).isEmpty();
  }

  @Test
  void onlyTheLatestGtidOfEachDomainIsWaitedFor() {
    assertThat(GtidCatchUp.waitablePosition("1-1-5,\n1-3-9, 3-3-2", 7)).isEqualTo("1-3-9,3-3-2");
  }
}
