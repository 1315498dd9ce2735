package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.mysqlfacts.ServerVersion;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading heartbeat ages and adding them to the channel points, without a server. */
class HeartbeatLagTest {

  private static final ServerInfo MARIADB =
      new ServerInfo(Flavor.MARIADB, ServerVersion.of(10, 11, 6), "10.11.6-MariaDB");
  private static final HeartbeatTable TABLE = new HeartbeatTable("percona", "heartbeat");

  private final HeartbeatAgeQuery query =
      new HeartbeatAgeQuery(TABLE, new HeartbeatSetupHint(TABLE, "ferry_agent", false));

  @Test
  void agesAreMeasuredOnTheServerInMicroseconds() {
    assertThat(query.statement(MARIADB))
        .isEqualTo(
            "SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) AS age_us FROM"
                + " `percona`.`heartbeat`");
  }

  @Test
  void parsesOneAgePerWriterAndLeavesUnreadableTimesOut() {
    List<Row> rows =
        List.of(
            row("1", "1250000"),
            row("3", "-20000"),
            // TIMESTAMPDIFF gives NULL for a ts that is not a date
            row("7", null));

    HeartbeatAges ages = query.parse(rows, MARIADB);

    assertThat(ages.secondsByServerId()).isEqualTo(Map.of(1L, 1.25, 3L, -0.02));
    assertThat(ages.of(7)).isEmpty();
  }

  @Test
  void eachChannelGetsTheAgeOfItsOwnSourcesRow() {
    var ages = new HeartbeatAges(Map.of(1L, 0.5, 3L, 42.0));

    List<Point> points = HeartbeatLag.addTo(List.of(channel(1), channel(3)), ages, 0);

    assertThat(points.get(0).fields())
        .containsEntry("heartbeat_age_known", FieldValue.of(true))
        .containsEntry("heartbeat_lag_seconds", FieldValue.of(0.5))
        .containsEntry("state", FieldValue.of("running"));
    assertThat(points.get(0).tags()).containsEntry("channel", "default");
    assertThat(points.get(1).fields()).containsEntry("heartbeat_lag_seconds", FieldValue.of(42.0));
  }

  @Test
  void aConfiguredWriterOverridesTheChannelsSource() {
    var ages = new HeartbeatAges(Map.of(1L, 0.5, 9L, 3.0));

    Point point = HeartbeatLag.addTo(channel(1), ages, 9);

    assertThat(point.fields()).containsEntry("heartbeat_lag_seconds", FieldValue.of(3.0));
  }

  @Test
  void aMissingRowIsUnknownNeverZero() {
    Point point = HeartbeatLag.addTo(channel(5), new HeartbeatAges(Map.of(1L, 0.5)), 0);

    assertThat(point.fields())
        .containsEntry("heartbeat_age_known", FieldValue.of(false))
        .doesNotContainKey("heartbeat_lag_seconds");
  }

  @Test
  void aChannelThatNeverConnectedHasNoKnownSource() {
    var ages = new HeartbeatAges(Map.of(0L, 1.0));

    assertThat(HeartbeatLag.addTo(channel(0), ages, 0).fields())
        .containsEntry("heartbeat_age_known", FieldValue.of(false))
        .doesNotContainKey("heartbeat_lag_seconds");
  }

  @Test
  void aMissingTableSaysWhatToCreateAndGrant() {
    var missing = new SQLException("Table 'percona.heartbeat' doesn't exist", "42S02", 1146);

    assertThat(query.explain(missing))
        .startsWith(
            "heartbeat table percona.heartbeat does not exist (the agent does not create it)")
        .contains("CREATE TABLE IF NOT EXISTS `percona`.`heartbeat` (ts varchar(26) NOT NULL,")
        .endsWith(
            "with SET sql_log_bin = 0: GRANT SELECT ON `percona`.`heartbeat` TO"
                + " 'ferry_agent'@'<agent host>';");
  }

  @Test
  void aMissingGrantSaysWhichGrant() {
    var denied =
        new SQLException(
            "SELECT command denied to user 'ferry_agent'@'127.0.0.1' for table"
                + " `percona`.`heartbeat`",
            "42000",
            1142);
    var updater = new HeartbeatSetupHint(TABLE, "ferry_agent", true);

    assertThat(updater.explain(denied))
        .startsWith(
            "the agent may not use heartbeat table percona.heartbeat (SELECT command denied")
        .contains(
            "GRANT SELECT, INSERT, UPDATE ON `percona`.`heartbeat` TO 'ferry_agent'@'<agent"
                + " host>';")
        .contains("If the table does not exist yet")
        .endsWith("exec_master_log_pos bigint unsigned DEFAULT NULL);");
  }

  @Test
  void otherErrorsAreTheServersMessage() {
    assertThat(query.explain(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
        .isEqualTo("Lock wait timeout exceeded");
  }

  private static Row row(String serverId, String ageMicros) {
    return Row.of(List.of("server_id", "age_us"), java.util.Arrays.asList(serverId, ageMicros));
  }

  private static Point channel(long sourceServerId) {
    return Point.builder("mysql_replication")
        .tag("channel", "default")
        .field("state", "running")
        .field("source_server_id", sourceServerId)
        .build();
  }
}
