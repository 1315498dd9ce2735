package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalStatusQueryTest {

  private static final ServerInfo MARIADB_1011 =
      new ServerInfo(Flavor.MARIADB, ServerVersion.of(10, 11, 19), "10.11.19-MariaDB");

  private final GlobalStatusQuery query = new GlobalStatusQuery();

  @Test
  void asksOnlyForTheCountersItWrites() {
    assertThat(query.statement(MARIADB_1011))
        .startsWith("SHOW GLOBAL STATUS WHERE Variable_name IN ('Uptime', 'Threads_connected', ")
        .contains("'Innodb_rows_deleted', 'Handler_write'")
        .endsWith("'Handler_read_rnd_next')");
  }

  @Test
  void parsesRecordedMariadbStatusInTheFixedOrderAndLeavesOutWhatTheServerLacks() {
    Map<String, FieldValue> fields =
        query.parse(VerticalFixture.rows("mariadb-10.11-global-status.txt"), MARIADB_1011);

    // MariaDB 10.11 has no Innodb_rows_* counters: they are absent, not zero; the handler
    // counters carry the row operations (3 inserts, 1 update, 1 delete).
    assertThat(fields)
        .containsExactly(
            Map.entry("uptime", FieldValue.of(2L)),
            Map.entry("threads_connected", FieldValue.of(1L)),
            Map.entry("threads_running", FieldValue.of(1L)),
            Map.entry("questions", FieldValue.of(12L)),
            Map.entry("com_select", FieldValue.of(2L)),
            Map.entry("com_insert", FieldValue.of(1L)),
            Map.entry("com_update", FieldValue.of(1L)),
            Map.entry("com_delete", FieldValue.of(1L)),
            Map.entry("com_replace", FieldValue.of(0L)),
            Map.entry("com_commit", FieldValue.of(1L)),
            Map.entry("com_rollback", FieldValue.of(0L)),
            Map.entry("com_begin", FieldValue.of(1L)),
            Map.entry("handler_write", FieldValue.of(3L)),
            Map.entry("handler_update", FieldValue.of(1L)),
            Map.entry("handler_delete", FieldValue.of(1L)),
            Map.entry("handler_read_key", FieldValue.of(6L)),
            Map.entry("handler_read_next", FieldValue.of(1L)),
            Map.entry("handler_read_rnd_next", FieldValue.of(16L)));
  }

  @Test
  void variableNamesMatchWhateverTheCaseAndOthersAreIgnored() {
    List<Row> rows =
        List.of(
            status("INNODB_ROWS_READ", "12345678901"),
            status("Aborted_clients", "3"),
            status("Uptime", "86400"));

    assertThat(query.parse(rows, MARIADB_1011))
        .containsExactly(
            Map.entry("uptime", FieldValue.of(86400L)),
            Map.entry("innodb_rows_read", FieldValue.of(12345678901L)));
  }

  @Test
  void aCounterThatIsNotANumberNamesTheVariable() {
    assertThatThrownBy(() -> query.parse(List.of(status("Questions", "many")), MARIADB_1011))
        .isInstanceOf(UnexpectedValueException.class)
        .hasMessage("column Questions: 'many' is not an integer");
  }

  private static Row status(String name, String value) {
    return Row.of(List.of("Variable_name", "Value"), List.of(name, value));
  }
}
