package io.ferry.agent.input.mysql;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads server variables with one {@code SELECT @@a AS a, @@b AS b ...}, choosing per flavor and
 * version the variables the server has: the GTID state is {@code @@gtid_executed} on MySQL and
 * {@code @@gtid_binlog_pos} (plus current and replica positions) on MariaDB.
 */
final class GlobalVariablesQuery implements ServerQuery<Map<String, FieldValue>> {

  private enum Kind {
    INTEGER,
    BOOLEAN,
    TEXT,
    GTIDS
  }

  /**
   * One variable: read on servers of {@code flavor} (null: both) from version {@code since}, and
   * written as field {@code field}.
   */
  private record Variable(
      String name, String field, Kind kind, Flavor flavor, ServerVersion since) {
    boolean existsOn(ServerInfo server) {
      return (flavor == null || flavor == server.flavor()) && server.version().atLeast(since);
    }
  }

  private static final ServerVersion ANY = ServerVersion.of(0, 0, 0);

  private static final List<Variable> VARIABLES =
      List.of(
          new Variable("server_id", "server_id", Kind.INTEGER, null, ANY),
          new Variable("read_only", "read_only", Kind.BOOLEAN, null, ANY),
          new Variable(
              "super_read_only",
              "super_read_only",
              Kind.BOOLEAN,
              Flavor.MYSQL,
              ServerVersion.of(5, 7, 8)),
          new Variable("log_bin", "log_bin", Kind.BOOLEAN, null, ANY),
          new Variable(
              "auto_increment_increment", "auto_increment_increment", Kind.INTEGER, null, ANY),
          new Variable("auto_increment_offset", "auto_increment_offset", Kind.INTEGER, null, ANY),
          new Variable("binlog_format", "binlog_format", Kind.TEXT, null, ANY),
          new Variable(
              "gtid_executed",
              "gtid_executed",
              Kind.GTIDS,
              Flavor.MYSQL,
              ServerVersion.of(5, 6, 5)),
          new Variable(
              "server_uuid", "server_uuid", Kind.TEXT, Flavor.MYSQL, ServerVersion.of(5, 6, 0)),
          new Variable(
              "gtid_binlog_pos",
              "gtid_executed",
              Kind.GTIDS,
              Flavor.MARIADB,
              ServerVersion.of(10, 0, 2)),
          new Variable(
              "gtid_current_pos",
              "gtid_current_pos",
              Kind.GTIDS,
              Flavor.MARIADB,
              ServerVersion.of(10, 0, 2)),
          new Variable(
              "gtid_slave_pos",
              "gtid_slave_pos",
              Kind.GTIDS,
              Flavor.MARIADB,
              ServerVersion.of(10, 0, 2)));

  @Override
  public String name() {
    return "global variables";
  }

  @Override
  public boolean supports(ServerInfo server) {
    return true;
  }

  @Override
  public String statement(ServerInfo server) {
    return variablesOf(server).stream()
        .map(variable -> "@@" + variable.name() + " AS " + variable.name())
        .collect(Collectors.joining(", ", "SELECT ", ""));
  }

  @Override
  public Map<String, FieldValue> parse(List<Row> rows, ServerInfo server) {
    if (rows.size() != 1) {
      throw new UnexpectedValueException(
          "SELECT @@server_id, ... returned " + rows.size() + " rows instead of one");
    }
    Row row = rows.get(0);
    var fields = new LinkedHashMap<String, FieldValue>();
    for (Variable variable : variablesOf(server)) {
      String column = variable.name();
      switch (variable.kind()) {
        case INTEGER ->
            row.integer(column).ifPresent(v -> fields.put(variable.field(), FieldValue.of(v)));
        case BOOLEAN ->
            row.bool(column).ifPresent(v -> fields.put(variable.field(), FieldValue.of(v)));
        case TEXT ->
            row.nonEmptyText(column).ifPresent(v -> fields.put(variable.field(), FieldValue.of(v)));
        case GTIDS ->
            row.text(column)
                .map(FieldText::compactGtids)
                .filter(v -> !v.isEmpty())
                .ifPresent(v -> fields.put(variable.field(), FieldValue.of(v)));
      }
    }
    return fields;
  }

  private static List<Variable> variablesOf(ServerInfo server) {
    return VARIABLES.stream().filter(variable -> variable.existsOn(server)).toList();
  }
}
