package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heartbeat row and the statements that write it, without a server. */
class HeartbeatWriterTest {

  private static final HeartbeatTable TABLE = new HeartbeatTable("percona", "heartbeat");
  private static final ServerInfo MARIADB_1011 =
      new ServerInfo(Flavor.MARIADB, ServerVersion.of(10, 11, 6), "10.11.6-MariaDB");
  private static final ServerInfo MYSQL_84 =
      new ServerInfo(Flavor.MYSQL, ServerVersion.of(8, 4, 3), "8.4.3");
  private static final ServerInfo MYSQL_57 =
      new ServerInfo(Flavor.MYSQL, ServerVersion.of(5, 7, 44), "5.7.44-log");

  private final HeartbeatWriter writer =
      new HeartbeatWriter(TABLE, new HeartbeatSetupHint(TABLE, "ferry_agent", true));

  @Test
  void clockIsTheServersUtcTimeInPtHeartbeatsFormat() {
    assertThat(HeartbeatWriter.clockStatement(MARIADB_1011))
        .isEqualTo(
            "SELECT @@server_id AS server_id, @@read_only AS read_only,"
                + " DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%f') AS ts");
    assertThat(HeartbeatWriter.clockStatement(MYSQL_84))
        .contains("@@super_read_only AS super_read_only");
  }

  @Test
  void statusStatementsFollowTheServersKeywords() {
    assertThat(HeartbeatWriter.binlogStatusStatement(MYSQL_84)).isEqualTo("SHOW BINARY LOG STATUS");
    assertThat(HeartbeatWriter.binlogStatusStatement(MYSQL_57)).isEqualTo("SHOW MASTER STATUS");
    assertThat(HeartbeatWriter.binlogStatusStatement(MARIADB_1011)).isEqualTo("SHOW MASTER STATUS");
    assertThat(HeartbeatWriter.replicaStatusStatement(MARIADB_1011))
        .isEqualTo("SHOW REPLICA STATUS");
    assertThat(HeartbeatWriter.replicaStatusStatement(MYSQL_57)).isEqualTo("SHOW SLAVE STATUS");
  }

  @Test
  void upsertNeedsOnlyInsertAndUpdate() {
    assertThat(writer.upsertStatement())
        .isEqualTo(
            "INSERT INTO `percona`.`heartbeat` (ts, server_id, file, position,"
                + " relay_master_log_file, exec_master_log_pos) VALUES (?, ?, ?, ?, ?, ?) ON"
                + " DUPLICATE KEY UPDATE ts = ?, file = ?, position = ?, relay_master_log_file ="
                + " ?, exec_master_log_pos = ?")
        .doesNotContain("REPLACE");
  }

  @Test
  void rowOfAReplicaCarriesBothPositions() {
    HeartbeatRow row =
        HeartbeatRow.of(
            clock("2", "2026-11-25T14:40:01.123456"),
            List.of(row(List.of("File", "Position"), "mariadb-bin.000003", "1234")),
            List.of(
                row(
                    List.of("Relay_Master_Log_File", "Exec_Master_Log_Pos"),
                    "mariadb-bin.000007",
                    "987")));

    assertThat(row)
        .isEqualTo(
            new HeartbeatRow(
                "2026-11-25T14:40:01.123456",
                2,
                "mariadb-bin.000003",
                1234L,
                "mariadb-bin.000007",
                987L));
    assertThat(HeartbeatWriter.parameters(row))
        .containsExactly(
            "2026-11-25T14:40:01.123456",
            2L,
            "mariadb-bin.000003",
            1234L,
            "mariadb-bin.000007",
            987L,
            "2026-11-25T14:40:01.123456",
            "mariadb-bin.000003",
            1234L,
            "mariadb-bin.000007",
            987L);
  }

  @Test
  void rowOfAPrimaryWithoutBinlogHasNullPositions() {
    HeartbeatRow row =
        HeartbeatRow.of(clock("1", "2026-01-02T03:04:05.000006"), List.of(), List.of());

    assertThat(row.values())
        .containsExactly("2026-01-02T03:04:05.000006", 1L, null, null, null, null);
  }

  @Test
  void mysql8ColumnNamesAreReadToo() {
    HeartbeatRow row =
        HeartbeatRow.of(
            clock("5", "2026-01-02T03:04:05.000006"),
            List.of(),
            List.of(
                row(
                    List.of("Relay_Source_Log_File", "Exec_Source_Log_Pos"),
                    "binlog.000002",
                    "4")));

    assertThat(row.relayMasterLogFile()).isEqualTo("binlog.000002");
    assertThat(row.execMasterLogPos()).isEqualTo(4L);
  }

  @Test
  void aNullServerIdIsAnError() {
    assertThatThrownBy(() -> HeartbeatRow.of(clock(null, "x"), List.of(), List.of()))
        .isInstanceOf(UnexpectedValueException.class)
        .hasMessageContaining("server_id");
  }

  private static Row clock(String serverId, String ts) {
    return row(List.of("server_id", "read_only", "ts"), serverId, "0", ts);
  }

  private static Row row(List<String> columns, String... values) {
    return Row.of(columns, Arrays.asList(values));
  }
}
