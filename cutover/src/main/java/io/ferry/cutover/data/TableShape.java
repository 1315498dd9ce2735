package io.ferry.cutover.data;

import java.util.List;

/**
 * What the comparison needs to know about a table.
 *
 * @param database schema name
 * @param table table name
 * @param columns the columns hashed, in ordinal order
 * @param key primary-key columns in key order; empty when the table has no primary key
 */
public record TableShape(String database, String table, List<Column> columns, List<Column> key) {

  public TableShape {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException(database + "." + table + " has no columns to compare");
    }
  }

  /** {@code `database`.`table`}, quoted for SQL. */
  public String quotedName() {
    return "`" + database.replace("`", "``") + "`.`" + table.replace("`", "``") + "`";
  }

  /** {@code database.table}, for people. */
  public String qualifiedName() {
    return database + "." + table;
  }

  /** Whether the table can be chunked (it has a primary key). */
  public boolean chunkable() {
    return !key.isEmpty();
  }
}
