package io.ferry.agent.input.mysql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a result set recorded in the mysql client's vertical ({@code \G}) layout: {@code *** 1. row
 * ***} separators, {@code Column: value} lines, {@code NULL} for SQL NULL. A line that does not
 * start with a column name continues the previous value (mysql breaks GTID sets after each comma).
 * Lines starting with {@code #} before the first row describe the fixture.
 */
final class VerticalFixture {

  private static final Pattern ROW_SEPARATOR = Pattern.compile("^\\*+ \\d+\\. row \\*+$");
  private static final Pattern COLUMN =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$");

  private VerticalFixture() {}

  /** The rows of the fixture {@code mysql/<name>} on the test class path. */
  static List<Row> rows(String name) {
    return parse(read("mysql/" + name));
  }

  static List<Row> parse(String text) {
    var rows = new ArrayList<Row>();
    List<String> columns = null;
    List<String> values = null;
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (ROW_SEPARATOR.matcher(line.trim()).matches()) {
        if (columns != null) {
          rows.add(Row.of(columns, values));
        }
        columns = new ArrayList<>();
        values = new ArrayList<>();
        continue;
      }
      if (columns == null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          throw new IllegalArgumentException("line " + lineNumber + ": text before the first row");
        }
        continue;
      }
      var column = COLUMN.matcher(line);
      if (column.matches()) {
        String value = column.group(2) == null ? "" : column.group(2).stripTrailing();
        columns.add(column.group(1));
        values.add(value.equals("NULL") ? null : value);
      } else if (!line.isBlank()) {
        if (values.isEmpty()) {
          throw new IllegalArgumentException("line " + lineNumber + ": value without a column");
        }
        values.set(values.size() - 1, values.get(values.size() - 1) + "\n" + line.strip());
      }
    }
    if (columns != null) {
      rows.add(Row.of(columns, values));
    }
    return rows;
  }

  private static String read(String resource) {
    try (var in = VerticalFixture.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
