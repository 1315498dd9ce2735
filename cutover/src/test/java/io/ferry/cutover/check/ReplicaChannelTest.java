package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaChannelTest {

  @Test
  void readsAMariaDbRow() throws IOException {
    ReplicaChannel channel =
        ReplicaChannel.fromRow(StatusFixtures.row("mariadb-show-all-slaves-status.txt"));

    assertThat(channel.source()).isEqualTo("127.0.0.1:33061");
    assertThat(channel.healthy()).isTrue();
    assertThat(channel.secondsBehind()).hasValue(3);
    assertThat(channel.sourceServerId()).hasValue(1);
    assertThat(channel.channel()).isEmpty();
  }

  @Test
  void readsAMySql8RowWithItsSourceAndReplicaNames() throws IOException {
    ReplicaChannel channel =
        ReplicaChannel.fromRow(StatusFixtures.row("mysql8-show-replica-status.txt"));

    assertThat(channel.source()).isEqualTo("10.0.0.5:3306");
    assertThat(channel.ioRunning()).isTrue();
    assertThat(channel.sqlRunning()).isFalse();
    assertThat(channel.healthy()).isFalse();
    assertThat(channel.lastSqlError()).contains("Duplicate entry '7'");
    assertThat(channel.secondsBehind()).isEmpty();
    assertThat(channel.sourceServerId()).hasValue(1);
  }

  @Test
  void readsAMySqlBefore8022RowWithItsMasterAndSlaveNames() throws IOException {
    ReplicaChannel channel =
        ReplicaChannel.fromRow(StatusFixtures.row("mysql57-show-slave-status.txt"));

    assertThat(channel.source()).isEqualTo("localhost:13000");
    assertThat(channel.healthy()).isTrue();
    assertThat(channel.secondsBehind()).hasValue(0);
    assertThat(channel.sourceServerId()).hasValue(1);
  }

  @Test
  void aReceiverThatNeverConnectedHasNoSourceServerId() {
    ReplicaChannel channel =
        ReplicaChannel.fromRow(
            Map.of(
                "Slave_IO_Running", "Connecting",
                "Slave_SQL_Running", "Yes",
                "Master_Server_Id", "0"));

    assertThat(channel.sourceServerId()).isEmpty();
  }

  @Test
  void rowWithoutThreadStatesIsRefusedWithItsColumns() {
    assertThatThrownBy(() -> ReplicaChannel.fromRow(Map.of("Master_Host", "h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("master_host");
  }
}
