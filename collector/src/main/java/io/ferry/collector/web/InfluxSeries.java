package io.ferry.collector.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of an InfluxQL result, as InfluxDB's {@code /query} returns it.
 *
 * @param name the measurement
 * @param tags the {@code GROUP BY} tags; an absent tag is the empty string, as InfluxDB sends it
 * @param columns the column names, {@code time} first
 * @param values the rows, one value per column; null where the field is absent
 */
public record InfluxSeries(
    String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

  public InfluxSeries {
    tags = Map.copyOf(tags);
    columns = List.copyOf(columns);
    values = List.copyOf(values);
  }

  /** A tag's value, or null when it is absent or empty. */
  public String tag(String key) {
    String value = tags.get(key);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The rows as maps from column to value (nulls kept out). */
  public List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>(values.size());
    for (List<Object> row : values) {
      Map<String, Object> map = new HashMap<>();
      for (int i = 0; i < columns.size() && i < row.size(); i++) {
        if (row.get(i) != null) {
          map.put(columns.get(i), row.get(i));
        }
      }
      rows.add(map);
    }
    return rows;
  }

  /** The first row, or an empty map. */
  public Map<String, Object> first() {
    List<Map<String, Object>> rows = rows();
    return rows.isEmpty() ? Map.of() : rows.get(0);
  }

  /** A number from a row; null when absent or not a number. */
  public static Double number(Map<String, Object> row, String column) {
    return row.get(column) instanceof Number n ? n.doubleValue() : null;
  }

  /** A string from a row; null when absent. */
  public static String text(Map<String, Object> row, String column) {
    Object value = row.get(column);
    return value == null ? null : value.toString();
  }

  /** A boolean from a row; null when absent or not a boolean. */
  public static Boolean bool(Map<String, Object> row, String column) {
    return row.get(column) instanceof Boolean b ? b : null;
  }

  /** The row's {@code time} (queried with {@code epoch=ms}); null when absent. */
  public static Instant time(Map<String, Object> row) {
    return row.get("time") instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
  }
}
