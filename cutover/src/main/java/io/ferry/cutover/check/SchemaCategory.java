package io.ferry.cutover.check;

/**
 * One kind of schema object and the {@code information_schema} query that lists it. The first
 * {@link #keyColumns()} columns name an object ({@code schema, table, ...}); the others define it.
 * Rows with the same name (the columns of one index) are joined in query order.
 */
enum SchemaCategory {
  DATABASES(
      "databases",
      1,
      false,
      "SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
          + " FROM information_schema.SCHEMATA"),
  TABLES(
      "tables",
      2,
      true,
      "SELECT TABLE_SCHEMA, TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES"
          + " WHERE TABLE_TYPE = 'BASE TABLE'"),
  COLUMNS(
      "columns",
      3,
      true,
      "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE,"
          + " COLUMN_DEFAULT, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA"
          + " FROM information_schema.COLUMNS"),
  INDEXES(
      "indexes",
      3,
      true,
      "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, SUB_PART"
          + " FROM information_schema.STATISTICS"
          + " ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"),
  VIEWS(
      "views",
      2,
      true,
      "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, DEFINER"
          + " FROM information_schema.VIEWS"),
  TRIGGERS(
      "triggers",
      2,
      false,
      "SELECT TRIGGER_SCHEMA, TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION,"
          + " ACTION_ORDER, ACTION_STATEMENT, DEFINER FROM information_schema.TRIGGERS"),
  ROUTINES(
      "routines",
      3,
      false,
      "SELECT ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME, DTD_IDENTIFIER, ROUTINE_DEFINITION,"
          + " IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE, SQL_MODE, DEFINER"
          + " FROM information_schema.ROUTINES"),
  EVENTS(
      "events",
      2,
      false,
      "SELECT EVENT_SCHEMA, EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, INTERVAL_VALUE,"
          + " INTERVAL_FIELD, EXECUTE_AT, ON_COMPLETION, DEFINER FROM information_schema.EVENTS");

  private final String label;
  private final int keyColumns;
  private final boolean tableLevel;
  private final String sql;

  SchemaCategory(String label, int keyColumns, boolean tableLevel, String sql) {
    this.label = label;
    this.keyColumns = keyColumns;
    this.tableLevel = tableLevel;
    this.sql = sql;
  }

  /** Name shown in results. */
  String label() {
    return label;
  }

  /** How many leading columns name an object. */
  int keyColumns() {
    return keyColumns;
  }

  /** Whether the second key column is a table name (so the table filter applies to it). */
  boolean tableLevel() {
    return tableLevel;
  }

  /** The listing query. */
  String sql() {
    return sql;
  }
}
