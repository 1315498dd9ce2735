package io.ferry.agent.input.mysql;

import io.ferry.lineprotocol.FieldValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a fixed list of counters and gauges from {@code SHOW GLOBAL STATUS} (every MySQL and
 * MariaDB version) as integer fields of the {@code mysql} point, named in lower case ({@code
 * Com_select} becomes {@code com_select}). A counter the server does not have is left out.
 *
 * <p>Row operations come in two forms: {@code Innodb_rows_*} (MySQL; MariaDB dropped them in 10.6)
 * and the handler counters {@code Handler_write}, {@code Handler_update}, {@code Handler_delete},
 * {@code Handler_read_*} (both dialects, every storage engine), which are the only row-level
 * counters MariaDB 10.11 keeps.
 */
final class GlobalStatusQuery implements ServerQuery<Map<String, FieldValue>> {

  /** The status variables read, in the order their fields are written. */
  static final List<String> VARIABLES =
      List.of(
          "Uptime",
          "Threads_connected",
          "Threads_running",
          "Questions",
          "Com_select",
          "Com_insert",
          "Com_update",
          "Com_delete",
          "Com_replace",
          "Com_commit",
          "Com_rollback",
          "Com_begin",
          "Innodb_rows_read",
          "Innodb_rows_inserted",
          "Innodb_rows_updated",
          "Innodb_rows_deleted",
          "Handler_write",
          "Handler_update",
          "Handler_delete",
          "Handler_read_key",
          "Handler_read_next",
          "Handler_read_rnd_next");

  private static final String STATEMENT =
      VARIABLES.stream()
          .map(name -> "'" + name + "'")
          .collect(Collectors.joining(", ", "SHOW GLOBAL STATUS WHERE Variable_name IN (", ")"));

  @Override
  public String name() {
    return "global status";
  }

  @Override
  public boolean supports(ServerInfo server) {
    return true;
  }

  @Override
  public String statement(ServerInfo server) {
    return STATEMENT;
  }

  @Override
  public Map<String, FieldValue> parse(List<Row> rows, ServerInfo server) {
    var byName = new LinkedHashMap<String, Row>();
    for (Row row : rows) {
      row.text("Variable_name").ifPresent(name -> byName.put(lower(name), row));
    }
    var fields = new LinkedHashMap<String, FieldValue>();
    for (String variable : VARIABLES) {
      Row row = byName.get(lower(variable));
      if (row == null) {
        continue;
      }
      String field = lower(variable);
      try {
        row.integer("Value").ifPresent(value -> fields.put(field, FieldValue.of(value)));
      } catch (UnexpectedValueException e) {
        throw new UnexpectedValueException(
            variable, row.text("Value").orElse(""), "is not an integer");
      }
    }
    return fields;
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
