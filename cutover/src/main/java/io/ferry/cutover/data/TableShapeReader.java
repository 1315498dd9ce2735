package io.ferry.cutover.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lists the tables to compare and reads their shapes from {@code information_schema}. */
final class TableShapeReader {

  private static final Set<String> SYSTEM_SCHEMAS =
      Set.of("mysql", "information_schema", "performance_schema", "sys");

  /** Base tables the filter covers, {@code database.table} to the server's row estimate. */
  Map<String, Long> tables(Connection connection, TableFilter filter) throws SQLException {
    Map<String, Long> tables = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
      while (rows.next()) {
        String database = rows.getString(1);
        String table = rows.getString(2);
        if (!SYSTEM_SCHEMAS.contains(database.toLowerCase(Locale.ROOT))
            && filter.covers(database, table)) {
          tables.put(database + "." + table, Math.max(0, rows.getLong(3)));
        }
      }
    }
    return tables;
  }

  /** The table's columns and primary key; empty when the table does not exist. */
  Optional<TableShape> shape(Connection connection, String database, String table)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_TYPE FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
      statement.setString(1, database);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(
              new Column(
                  rows.getString(1),
                  rows.getString(2),
                  "YES".equalsIgnoreCase(rows.getString(3)),
                  rows.getString(4).toLowerCase(Locale.ROOT).contains("unsigned")));
        }
      }
    }
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    List<Column> key = new ArrayList<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ? AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX")) {
      statement.setString(1, database);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          columns.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(key::add);
        }
      }
    }
    return Optional.of(new TableShape(database, table, columns, key));
  }
}
