package io.ferry.cutover.check;

import io.ferry.cutover.data.TableFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads a {@link SchemaSnapshot} from {@code information_schema}, leaving out system schemas. */
final class SchemaReader {

  /** Schemas of the server itself, never compared. */
  static final Set<String> SYSTEM_SCHEMAS =
      Set.of("mysql", "information_schema", "performance_schema", "sys");

  private final TableFilter filter;

  SchemaReader(TableFilter filter) {
    this.filter = filter;
  }

  SchemaSnapshot read(Connection connection) throws SQLException {
    Map<SchemaCategory, Map<String, String>> objects = new EnumMap<>(SchemaCategory.class);
    for (SchemaCategory category : SchemaCategory.values()) {
      objects.put(category, list(connection, category));
    }
    Map<String, String> eventStatus = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT EVENT_SCHEMA, EVENT_NAME, STATUS FROM information_schema.EVENTS")) {
      while (rows.next()) {
        if (covered(rows.getString(1), null)) {
          eventStatus.put(rows.getString(1) + "." + rows.getString(2), rows.getString(3));
        }
      }
    }
    return new SchemaSnapshot(objects, eventStatus);
  }

  private Map<String, String> list(Connection connection, SchemaCategory category)
      throws SQLException {
    Map<String, String> objects = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(category.sql())) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        String schema = rows.getString(1);
        if (!covered(schema, category.tableLevel() ? rows.getString(2) : null)) {
          continue;
        }
        List<String> key = new ArrayList<>();
        for (int i = 1; i <= category.keyColumns(); i++) {
          key.add(rows.getString(i));
        }
        List<String> definition = new ArrayList<>();
        for (int i = category.keyColumns() + 1; i <= columns; i++) {
          definition.add(
              rows.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT)
                  + "="
                  + rows.getString(i));
        }
        objects.merge(String.join(".", key), String.join(" ", definition), (a, b) -> a + "; " + b);
      }
    }
    return objects;
  }

  private boolean covered(String schema, String table) {
    if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return table == null ? filter.coversDatabase(schema) : filter.covers(schema, table);
  }
}
