package io.ferry.cutover.data;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which databases and tables a comparison covers. A pattern is {@code database} or {@code
 * database.table}, where {@code *} matches any run of characters; a database pattern covers all its
 * tables. A table is covered when it matches an include pattern (or the include list is empty) and
 * no exclude pattern.
 *
 * @param include patterns to cover; empty means every database
 * @param exclude patterns to leave out, applied after {@code include}
 */
public record TableFilter(List<String> include, List<String> exclude) {

  /** Covers every table. */
  public static final TableFilter ALL = new TableFilter(List.of(), List.of());

  public TableFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    for (String pattern : include) {
      validate("include", pattern);
    }
    for (String pattern : exclude) {
      validate("exclude", pattern);
    }
  }

  /** Whether the table is covered. */
  public boolean covers(String database, String table) {
    boolean included =
        include.isEmpty() || include.stream().anyMatch(p -> matches(p, database, table));
    return included && exclude.stream().noneMatch(p -> matches(p, database, table));
  }

  /**
   * Whether any table of the database may be covered; used for database-level objects such as views
   * and routines.
   */
  public boolean coversDatabase(String database) {
    boolean included =
        include.isEmpty()
            || include.stream().anyMatch(p -> glob(databasePart(p)).matcher(database).matches());
    boolean excludedWhole =
        exclude.stream().anyMatch(p -> !p.contains(".") && glob(p).matcher(database).matches());
    return included && !excludedWhole;
  }

  private static boolean matches(String pattern, String database, String table) {
    int dot = pattern.indexOf('.');
    if (dot < 0) {
      return glob(pattern).matcher(database).matches();
    }
    return glob(pattern.substring(0, dot)).matcher(database).matches()
        && glob(pattern.substring(dot + 1)).matcher(table).matches();
  }

  private static String databasePart(String pattern) {
    int dot = pattern.indexOf('.');
    return dot < 0 ? pattern : pattern.substring(0, dot);
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString());
  }

  private static void validate(String list, String pattern) {
    if (pattern == null
        || pattern.isBlank()
        || pattern.indexOf('.') != pattern.lastIndexOf('.')
        || pattern.startsWith(".")
        || pattern.endsWith(".")) {
      throw new IllegalArgumentException(
          "table filter "
              + list
              + " pattern must be 'database' or 'database.table', was '"
              + pattern
              + "'");
    }
  }
}
