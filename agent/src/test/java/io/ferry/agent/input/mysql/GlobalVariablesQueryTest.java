package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalVariablesQueryTest {

  private static final ServerInfo MYSQL_80 =
      new ServerInfo(Flavor.MYSQL, ServerVersion.of(8, 0, 36), "8.0.36");
  private static final ServerInfo MARIADB_1011 =
      new ServerInfo(Flavor.MARIADB, ServerVersion.of(10, 11, 19), "10.11.19-MariaDB");

  private final GlobalVariablesQuery query = new GlobalVariablesQuery();

  @Test
  void mariadbReadsItsGtidPositions() {
    assertThat(query.statement(MARIADB_1011))
        .isEqualTo(
            "SELECT @@server_id AS server_id, @@read_only AS read_only, @@log_bin AS log_bin,"
                + " @@auto_increment_increment AS auto_increment_increment,"
                + " @@auto_increment_offset AS auto_increment_offset,"
                + " @@binlog_format AS binlog_format, @@gtid_binlog_pos AS gtid_binlog_pos,"
                + " @@gtid_current_pos AS gtid_current_pos, @@gtid_slave_pos AS gtid_slave_pos");
  }

  @Test
  void mysqlReadsSuperReadOnlyGtidExecutedAndUuid() {
    assertThat(query.statement(MYSQL_80))
        .isEqualTo(
            "SELECT @@server_id AS server_id, @@read_only AS read_only,"
                + " @@super_read_only AS super_read_only, @@log_bin AS log_bin,"
                + " @@auto_increment_increment AS auto_increment_increment,"
                + " @@auto_increment_offset AS auto_increment_offset,"
                + " @@binlog_format AS binlog_format, @@gtid_executed AS gtid_executed,"
                + " @@server_uuid AS server_uuid");
  }

  @Test
  void mysqlBefore578HasNoSuperReadOnly() {
    var old = new ServerInfo(Flavor.MYSQL, ServerVersion.of(5, 7, 7), "5.7.7");
    assertThat(query.statement(old)).doesNotContain("super_read_only").contains("gtid_executed");
  }

  @Test
  void parsesRecordedMariadbVariables() {
    Map<String, FieldValue> fields =
        query.parse(VerticalFixture.rows("mariadb-10.11-global-variables.txt"), MARIADB_1011);

    assertThat(fields)
        .containsExactly(
            Map.entry("server_id", FieldValue.of(4L)),
            Map.entry("read_only", FieldValue.of(false)),
            Map.entry("log_bin", FieldValue.of(true)),
            Map.entry("auto_increment_increment", FieldValue.of(2L)),
            Map.entry("auto_increment_offset", FieldValue.of(2L)),
            Map.entry("binlog_format", FieldValue.of("ROW")),
            Map.entry("gtid_executed", FieldValue.of("1-1-4")),
            Map.entry("gtid_current_pos", FieldValue.of("1-1-4")),
            Map.entry("gtid_slave_pos", FieldValue.of("1-1-4")));
  }

  @Test
  void parsesMysqlVariablesWithAMultiLineGtidSet() {
    Map<String, FieldValue> fields =
        query.parse(VerticalFixture.rows("mysql-8.0-global-variables.txt"), MYSQL_80);

    assertThat(fields)
        .containsExactly(
            Map.entry("server_id", FieldValue.of(11L)),
            Map.entry("read_only", FieldValue.of(true)),
            Map.entry("super_read_only", FieldValue.of(true)),
            Map.entry("log_bin", FieldValue.of(true)),
            Map.entry("auto_increment_increment", FieldValue.of(1L)),
            Map.entry("auto_increment_offset", FieldValue.of(1L)),
            Map.entry("binlog_format", FieldValue.of("ROW")),
            Map.entry(
                "gtid_executed",
                FieldValue.of(
                    "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-1207,"
                        + "5c4bf1e2-71ca-11e1-9e33-c80aa9429562:1-36,"
                        + "9c0f2b11-8a2e-11ee-b6f4-0242ac120003:1-5")),
            Map.entry("server_uuid", FieldValue.of("9c0f2b11-8a2e-11ee-b6f4-0242ac120003")));
  }

  @Test
  void anEmptyGtidStateIsLeftOutRatherThanWrittenEmpty() {
    Row fresh =
        Row.of(
            List.of(
                "server_id",
                "read_only",
                "log_bin",
                "binlog_format",
                "gtid_binlog_pos",
                "gtid_current_pos",
                "gtid_slave_pos"),
            List.of("1", "0", "1", "ROW", "", "", ""));

    assertThat(query.parse(List.of(fresh), MARIADB_1011))
        .containsOnlyKeys("server_id", "read_only", "log_bin", "binlog_format");
  }

  @Test
  void anUnreadableFlagNamesTheVariable() {
    Row row = Row.of(List.of("server_id", "read_only"), List.of("1", "sometimes"));

    assertThatThrownBy(() -> query.parse(List.of(row), MARIADB_1011))
        .isInstanceOf(UnexpectedValueException.class)
        .hasMessage("column read_only: 'sometimes' is not a boolean");
  }
}
