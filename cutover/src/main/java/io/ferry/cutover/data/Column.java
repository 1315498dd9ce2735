package io.ferry.cutover.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One column of a compared table, as {@code information_schema.COLUMNS} describes it.
 *
 * @param name column name
 * @param dataType {@code DATA_TYPE}, lower case, e.g. {@code bigint}, {@code varchar}
 * @param nullable whether it accepts NULL
 * @param unsigned whether an integer column is unsigned
 */
public record Column(String name, String dataType, boolean nullable, boolean unsigned) {

  private static final Set<String> INTEGERS =
      Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");
  private static final Set<String> DECIMALS = Set.of("decimal", "numeric");
  private static final Set<String> BINARIES =
      Set.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit");
  private static final Set<String> PLAIN_TEXT_TYPES =
      Set.of(
          "tinyint",
          "smallint",
          "mediumint",
          "int",
          "integer",
          "bigint",
          "decimal",
          "numeric",
          "float",
          "double",
          "real",
          "date",
          "datetime",
          "timestamp",
          "time",
          "year");

  public Column {
    dataType = dataType.toLowerCase(Locale.ROOT);
  }

  /** Whether it is an integer column (any width). */
  boolean integer() {
    return INTEGERS.contains(dataType);
  }

  /** Whether it is a binary string or bit column. */
  boolean binary() {
    return BINARIES.contains(dataType);
  }

  /** The column name quoted for SQL. */
  public String quoted() {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * The items the column adds to the row encoding (see {@link ChunkSql#rowEncoding}), each to be
   * separated by {@code #}:
   *
   * <ul>
   *   <li>a number or a date, whose text cannot contain {@code #} or the letter {@code N}: the
   *       column itself when it is never NULL, otherwise {@code IFNULL(column, _binary'N')};
   *   <li>anything else (text, binary, enum, set, JSON, spatial): its length in bytes ({@code -1}
   *       for NULL), then its bytes as they are stored ({@code CAST(column AS BINARY)}, which
   *       {@code CONCAT_WS} skips when NULL), so a value holding {@code #} is read to its end by
   *       its length and never converted to another character set.
   * </ul>
   *
   * Cheaper for the server than {@code QUOTE}, which escapes every value character by character
   * (see the cutover section of {@code docs/benchmarks.md}).
   */
  List<String> encodingItems() {
    if (PLAIN_TEXT_TYPES.contains(dataType)) {
      return List.of(nullable ? "IFNULL(" + quoted() + ", _binary'N')" : quoted());
    }
    String length = "LENGTH(" + quoted() + ")";
    return List.of(
        nullable ? "IFNULL(" + length + ", -1)" : length, "CAST(" + quoted() + " AS BINARY)");
  }

  /**
   * The column's value as SQL text that tells every value apart, for showing it: as is when it is
   * never NULL and its text is a number or a date, otherwise through {@code QUOTE}, which writes
   * NULL as the bare word {@code NULL} and any other value between quotes with quotes and
   * backslashes escaped.
   */
  String shownText() {
    return nullable || !PLAIN_TEXT_TYPES.contains(dataType) ? "QUOTE(" + quoted() + ")" : quoted();
  }

  /** How a key value is selected so that it survives a round trip as text. */
  String keySelect() {
    if (INTEGERS.contains(dataType) || DECIMALS.contains(dataType)) {
      return quoted();
    }
    if (BINARIES.contains(dataType)) {
      return "HEX(" + quoted() + ")";
    }
    return "CAST(" + quoted() + " AS CHAR)";
  }

  /** The placeholder a key value (as text from {@link #keySelect()}) is bound to. */
  String keyPlaceholder() {
    if (INTEGERS.contains(dataType)) {
      return unsigned ? "CAST(? AS UNSIGNED)" : "CAST(? AS SIGNED)";
    }
    if (DECIMALS.contains(dataType)) {
      return "CAST(? AS DECIMAL(65,30))";
    }
    if (BINARIES.contains(dataType)) {
      return "UNHEX(?)";
    }
    return "?";
  }
}
