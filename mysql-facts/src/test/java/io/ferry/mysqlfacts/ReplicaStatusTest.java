package io.ferry.mysqlfacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The statement and column names per server version, checked against result sets recorded from (or
 * copied from the reference manual of) each version, in the mysql client's vertical layout.
 */
class ReplicaStatusTest {

  private static final ServerDialect MYSQL_8 = ServerDialect.parse("8.0.36");
  private static final ServerDialect MYSQL_8_0_21 = ServerDialect.parse("8.0.21");
  private static final ServerDialect MYSQL_5_7 = ServerDialect.parse("5.7.44-log");
  private static final ServerDialect MARIADB_10_11 = ServerDialect.parse("10.11.6-MariaDB");

  @Test
  void statementPerFlavorAndVersion() {
    assertThat(ReplicaStatus.statement(MYSQL_8)).contains("SHOW REPLICA STATUS");
    assertThat(ReplicaStatus.statement(ServerDialect.parse("8.0.22")))
        .contains("SHOW REPLICA STATUS");
    assertThat(ReplicaStatus.statement(MYSQL_8_0_21)).contains("SHOW SLAVE STATUS");
    assertThat(ReplicaStatus.statement(MYSQL_5_7)).contains("SHOW SLAVE STATUS");
    assertThat(ReplicaStatus.statement(MARIADB_10_11)).contains("SHOW ALL REPLICAS STATUS");
    assertThat(ReplicaStatus.statement(ServerDialect.parse("10.5.1-MariaDB")))
        .contains("SHOW ALL REPLICAS STATUS");
    assertThat(ReplicaStatus.statement(ServerDialect.parse("10.4.30-MariaDB")))
        .contains("SHOW ALL SLAVES STATUS");
    assertThat(ReplicaStatus.statement(ServerDialect.parse("5.5.68-MariaDB"))).isEmpty();
  }

  @Test
  void mySql8NamesAreThoseOfTheRecordedShowReplicaStatus() throws IOException {
    assertColumnsOf("mysql-8.0-replica-running.txt", MYSQL_8);
  }

  @Test
  void mySqlBefore8022NamesAreThoseOfShowSlaveStatus() throws IOException {
    assertColumnsOf("mysql-5.7-slave-status.txt", MYSQL_5_7);
    assertThat(ReplicaStatusColumn.SECONDS_BEHIND.name(MYSQL_8_0_21))
        .isEqualTo("Seconds_Behind_Master");
  }

  @Test
  void mariaDbNamesAreThoseOfTheRecordedShowAllReplicasStatus() throws IOException {
    assertColumnsOf("mariadb-10.11-replica-running.txt", MARIADB_10_11);
  }

  @Test
  void aRowIsReadUnderWhicheverSpellingItHas() throws IOException {
    Map<String, String> mySql8 = lowerCase(fixture("mysql-8.0-replica-running.txt").row());
    Map<String, String> mySql57 = lowerCase(fixture("mysql-5.7-slave-status.txt").row());

    assertThat(ReplicaStatusColumn.IO_RUNNING.valueIn(mySql8)).isEqualTo("Yes");
    assertThat(ReplicaStatusColumn.SOURCE_HOST.valueIn(mySql8)).isEqualTo("10.0.1.20");
    assertThat(ReplicaStatusColumn.SECONDS_BEHIND.valueIn(mySql57))
        .isEqualTo(fixture("mysql-5.7-slave-status.txt").row().get("Seconds_Behind_Master"));
    assertThat(ReplicaStatusColumn.CHANNEL.valueIn(Map.of())).isNull();
  }

  private static void assertColumnsOf(String fixture, ServerDialect server) throws IOException {
    Fixture recorded = fixture(fixture);
    assertThat(ReplicaStatus.statement(server)).contains(recorded.statement());
    var names =
        recorded.row().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    for (ReplicaStatusColumn column : ReplicaStatusColumn.values()) {
      assertThat(names)
          .as(column + " on " + server)
          .contains(column.name(server).toLowerCase(Locale.ROOT));
    }
  }

  private static Map<String, String> lowerCase(Map<String, String> row) {
    Map<String, String> lower = new LinkedHashMap<>();
    row.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
    return lower;
  }

  private record Fixture(String statement, Map<String, String> row) {}

  private static final Pattern STATEMENT = Pattern.compile("^# Statement: (.+)$");
  private static final Pattern COLUMN =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$");

  /** The statement line and the first row (continuation lines ignored) of a vertical fixture. */
  private static Fixture fixture(String name) throws IOException {
    String text;
    try (InputStream in = ReplicaStatusTest.class.getResourceAsStream("/mysql/" + name)) {
      assertThat(in).as(name).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String statement = null;
    Map<String, String> row = new LinkedHashMap<>();
    int rows = 0;
    for (String line : text.split("\n")) {
      Matcher comment = STATEMENT.matcher(line);
      if (comment.matches()) {
        statement = comment.group(1).strip();
      } else if (line.strip().startsWith("***")) {
        rows++;
      } else if (rows == 1) {
        Matcher column = COLUMN.matcher(line);
        if (column.matches()) {
          row.put(column.group(1), column.group(2) == null ? "" : column.group(2).strip());
        }
      }
    }
    return new Fixture(statement, row);
  }
}
