package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaStatusQueryTest {

  private static final ServerInfo MYSQL_80 =
      new ServerInfo(Flavor.MYSQL, ServerVersion.of(8, 0, 36), "8.0.36");
  private static final ServerInfo MYSQL_57 =
      new ServerInfo(Flavor.MYSQL, ServerVersion.of(5, 7, 44), "5.7.44-log");
  private static final ServerInfo MARIADB_1011 =
      new ServerInfo(Flavor.MARIADB, ServerVersion.of(10, 11, 19), "10.11.19-MariaDB");

  private final ReplicaStatusQuery query = new ReplicaStatusQuery();

  private List<Point> parse(String fixture, ServerInfo server) {
    return query.parse(VerticalFixture.rows(fixture), server);
  }

  @Test
  void mysqlUsesTheReplicaKeywordFrom8022() {
    assertThat(query.statement(server(Flavor.MYSQL, 8, 0, 22))).isEqualTo("SHOW REPLICA STATUS");
    assertThat(query.statement(server(Flavor.MYSQL, 8, 4, 0))).isEqualTo("SHOW REPLICA STATUS");
    assertThat(query.statement(server(Flavor.MYSQL, 8, 0, 21))).isEqualTo("SHOW SLAVE STATUS");
    assertThat(query.statement(MYSQL_57)).isEqualTo("SHOW SLAVE STATUS");
  }

  @Test
  void mariadbListsAllConnectionsAndUsesTheReplicaKeywordFrom1051() {
    assertThat(query.statement(MARIADB_1011)).isEqualTo("SHOW ALL REPLICAS STATUS");
    assertThat(query.statement(server(Flavor.MARIADB, 10, 5, 1)))
        .isEqualTo("SHOW ALL REPLICAS STATUS");
    assertThat(query.statement(server(Flavor.MARIADB, 10, 4, 30)))
        .isEqualTo("SHOW ALL SLAVES STATUS");
  }

  @Test
  void mariadbBeforeMultiSourceIsNotSupported() {
    assertThat(query.supports(server(Flavor.MARIADB, 5, 5, 68))).isFalse();
    assertThat(query.supports(server(Flavor.MARIADB, 10, 0, 0))).isTrue();
    assertThat(query.supports(MYSQL_57)).isTrue();
  }

  private ServerInfo server(Flavor flavor, int major, int minor, int patch) {
    return new ServerInfo(flavor, ServerVersion.of(major, minor, patch), "x");
  }

  @Test
  void mysql80SingleChannelRunningWithGtids() {
    assertThat(parse("mysql-8.0-replica-running.txt", MYSQL_80))
        .containsExactly(
            Point.builder("mysql_replication")
                .tag("channel", "default")
                .tag("source_host", "10.0.1.20")
                .tag("source_port", "3306")
                .field("state", "running")
                .field("io_running", true)
                .field("sql_running", true)
                .field("io_state", "running")
                .field("sql_state", "running")
                .field("lag_known", true)
                .field("lag_seconds", 3.0)
                .field("last_io_errno", 0L)
                .field("last_sql_errno", 0L)
                .field("relay_log_space", 158411L)
                .field("read_source_log_pos", 157340L)
                .field("exec_source_log_pos", 157102L)
                .field("source_log_file", "binlog.000042")
                .field("relay_source_log_file", "binlog.000042")
                .field("using_gtid", "ON")
                .field("retrieved_gtid_set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-1210")
                .field(
                    "executed_gtid_set",
                    "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-1207,"
                        + "5c4bf1e2-71ca-11e1-9e33-c80aa9429562:1-36,"
                        + "9c0f2b11-8a2e-11ee-b6f4-0242ac120003:1-5")
                .field("source_server_id", 1L)
                .field("sql_delay", 0L)
                .build());
  }

  @Test
  void mysql80TwoChannelsOneBrokenSaysErrorAndUnknownLag() {
    List<Point> points = parse("mysql-8.0-multi-source-broken.txt", MYSQL_80);

    assertThat(points)
        .extracting(p -> p.tags().get("channel"))
        .containsExactly("source_1", "source_2");
    Point healthy = points.get(0);
    assertThat(healthy.fields())
        .containsEntry("state", str("running"))
        .containsEntry("lag_known", bool(true))
        .containsEntry("lag_seconds", flt(0.0))
        .doesNotContainKeys("last_sql_error", "last_io_error");

    Point broken = points.get(1);
    assertThat(broken.tags())
        .containsEntry("source_host", "10.0.2.20")
        .containsEntry("source_port", "3306");
    assertThat(broken.fields())
        .containsEntry("state", str("error"))
        .containsEntry("io_running", bool(true))
        .containsEntry("sql_running", bool(false))
        .containsEntry("io_state", str("running"))
        .containsEntry("sql_state", str("stopped"))
        .containsEntry("lag_known", bool(false))
        .containsEntry("last_sql_errno", integer(1062))
        .containsEntry("last_io_errno", integer(0))
        .containsEntry("exec_source_log_pos", integer(87712))
        .containsEntry("read_source_log_pos", integer(90215))
        .containsEntry("source_server_id", integer(2))
        .containsEntry(
            "executed_gtid_set",
            str(
                "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-1210,5c4bf1e2-71ca-11e1-9e33-c80aa9429562:1-36"))
        .containsEntry("retrieved_gtid_set", str("5c4bf1e2-71ca-11e1-9e33-c80aa9429562:1-40"))
        .doesNotContainKeys("lag_seconds", "last_io_error");
    assertThat(text(broken, "last_sql_error"))
        .startsWith("Coordinator stopped because there were error(s) in the worker(s).")
        .contains("'5c4bf1e2-71ca-11e1-9e33-c80aa9429562:37'");
  }

  @Test
  void mysql57SlaveStatusIsReadUnderTheOldNames() {
    assertThat(parse("mysql-5.7-slave-status.txt", MYSQL_57))
        .containsExactly(
            Point.builder("mysql_replication")
                .tag("channel", "default")
                .tag("source_host", "localhost")
                .tag("source_port", "13000")
                .field("state", "running")
                .field("io_running", true)
                .field("sql_running", true)
                .field("io_state", "running")
                .field("sql_state", "running")
                .field("lag_known", true)
                .field("lag_seconds", 0.0)
                .field("last_io_errno", 0L)
                .field("last_sql_errno", 0L)
                .field("relay_log_space", 1858L)
                .field("read_source_log_pos", 1307L)
                .field("exec_source_log_pos", 1307L)
                .field("source_log_file", "source-bin.000002")
                .field("relay_source_log_file", "source-bin.000002")
                .field("using_gtid", "ON")
                .field("retrieved_gtid_set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")
                .field("executed_gtid_set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")
                .field("source_server_id", 1L)
                .field("sql_delay", 0L)
                .build());
  }

  @Test
  void mariadbDefaultConnectionRunning() {
    assertThat(parse("mariadb-10.11-replica-running.txt", MARIADB_1011))
        .containsExactly(
            Point.builder("mysql_replication")
                .tag("channel", "default")
                .tag("source_host", "127.0.0.1")
                .tag("source_port", "23306")
                .field("state", "running")
                .field("io_running", true)
                .field("sql_running", true)
                .field("io_state", "running")
                .field("sql_state", "running")
                .field("lag_known", true)
                .field("lag_seconds", 0.0)
                .field("last_io_errno", 0L)
                .field("last_sql_errno", 0L)
                .field("relay_log_space", 1687L)
                .field("read_source_log_pos", 1091L)
                .field("exec_source_log_pos", 1091L)
                .field("source_log_file", "bin.000001")
                .field("relay_source_log_file", "bin.000001")
                .field("using_gtid", "Slave_Pos")
                .field("retrieved_gtid_set", "1-1-4")
                .field("executed_gtid_set", "1-1-4")
                .field("source_server_id", 1L)
                .field("sql_delay", 0L)
                .build());
  }

  @Test
  void mariadbStoppedSaysSoAndHasNoLag() {
    Point stopped = parse("mariadb-10.11-replica-stopped.txt", MARIADB_1011).get(0);

    assertThat(stopped.fields())
        .containsEntry("state", str("stopped"))
        .containsEntry("io_running", bool(false))
        .containsEntry("sql_running", bool(false))
        .containsEntry("io_state", str("stopped"))
        .containsEntry("sql_state", str("stopped"))
        .containsEntry("lag_known", bool(false))
        .containsEntry("exec_source_log_pos", integer(1091))
        .doesNotContainKeys("lag_seconds", "last_io_error", "last_sql_error");
  }

  @Test
  void mariadbSqlThreadStoppedOnDuplicateKeyIsAnError() {
    Point broken = parse("mariadb-10.11-replica-sql-error.txt", MARIADB_1011).get(0);

    assertThat(broken.fields())
        .containsEntry("state", str("error"))
        .containsEntry("io_state", str("running"))
        .containsEntry("sql_state", str("stopped"))
        .containsEntry("lag_known", bool(false))
        .containsEntry("last_sql_errno", integer(1062))
        .containsEntry("retrieved_gtid_set", str("1-1-5"))
        .containsEntry("executed_gtid_set", str("1-1-4"))
        .doesNotContainKey("lag_seconds");
    assertThat(text(broken, "last_sql_error")).contains("Duplicate entry '4' for key 'PRIMARY'");
  }

  @Test
  void mariadbReconnectingToADeadPrimaryIsAnErrorWithConnectingIoThread() {
    Point reconnecting = parse("mariadb-10.11-replica-connecting.txt", MARIADB_1011).get(0);

    assertThat(reconnecting.fields())
        .containsEntry("state", str("error"))
        .containsEntry("io_running", bool(false))
        .containsEntry("io_state", str("connecting"))
        .containsEntry("sql_state", str("running"))
        .containsEntry("lag_known", bool(false))
        .containsEntry("last_io_errno", integer(2003))
        .doesNotContainKeys("lag_seconds", "last_sql_error");
    assertThat(text(reconnecting, "last_io_error")).contains("Connection refused");
  }

  @Test
  void mariadbMultiSourceGivesOnePointPerConnectionName() {
    List<Point> points = parse("mariadb-10.11-multi-source.txt", MARIADB_1011);

    assertThat(points)
        .extracting(p -> p.tags().get("channel") + "@" + p.tags().get("source_port"))
        .containsExactly("new_dc@23307", "old_dc@23306");
    assertThat(points)
        .allSatisfy(
            p ->
                assertThat(p.fields())
                    .containsEntry("state", str("running"))
                    .containsEntry("lag_seconds", flt(0.0))
                    .containsEntry("executed_gtid_set", str("1-1-4,2-2-3")));
    assertThat(points)
        .extracting(p -> p.fields().get("retrieved_gtid_set"))
        .containsExactly(str("2-2-3"), str("1-1-4"));
  }

  @Test
  void aPrimaryHasNoChannels() {
    assertThat(query.parse(List.of(), MARIADB_1011)).isEmpty();
  }

  @Test
  void anUnknownThreadStateIsRejectedWithTheColumnNamed() {
    Row row = Row.of(List.of("Replica_IO_Running", "Replica_SQL_Running"), List.of("Maybe", "Yes"));

    assertThatThrownBy(() -> query.parse(List.of(row), MYSQL_80))
        .isInstanceOf(UnexpectedValueException.class)
        .hasMessage("column Replica_IO_Running: 'Maybe' is not Yes, No or Connecting");
  }

  private static String text(Point point, String field) {
    return ((FieldValue.StringValue) point.fields().get(field)).value();
  }

  static FieldValue str(String value) {
    return FieldValue.of(value);
  }

  static FieldValue bool(boolean value) {
    return FieldValue.of(value);
  }

  static FieldValue integer(long value) {
    return FieldValue.of(value);
  }

  static FieldValue flt(double value) {
    return FieldValue.of(value);
  }
}
