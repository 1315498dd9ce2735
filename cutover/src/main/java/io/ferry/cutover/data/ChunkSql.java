package io.ferry.cutover.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL text of the data comparison, as pure functions of a table's shape.
 *
 * <p>Row encoding: {@code CONCAT_WS('#', item, ...)} with each column's items (see {@link
 * Column#encodingItems()}): a number or a date as its text ({@code N} for NULL), anything else as
 * its length in bytes ({@code -1} for NULL) followed by its stored bytes. Read left to right, the
 * string splits back into the row's values, so two different rows never encode alike, NULL and
 * {@code ''} included. The separator is a binary string and every free-form value is cast to
 * binary, so the encoding is a byte string built without converting any character set (see the
 * cutover section of {@code docs/benchmarks.md} for what that and the lengths save over {@code
 * QUOTE}).
 *
 * <p>Row hash: the encoding hashed to an unsigned 64-bit integer, the way {@link RowHash} says,
 * with the encoding built once per row where the server allows it (see {@link EncodingUse}).
 *
 * <p>Chunk hash: the {@code SUM} of the row hashes. MariaDB and MySQL sum unsigned 64-bit integers
 * exactly as DECIMAL, so nothing overflows; unlike XOR, a sum does not cancel duplicate rows
 * ({@code {A,A,B}} sums to {@code 2a+b}, {@code {B,C,C}} to {@code b+2c}); together with the row
 * count it is independent of row order.
 */
public final class ChunkSql {

  private ChunkSql() {}

  /** The expression hashing one row to an unsigned 64-bit integer. */
  static String rowHash(RowHash hash, EncodingUse use, TableShape shape) {
    return use.rowHash(hash, rowEncoding(shape));
  }

  /**
   * {@code SHA1} of the row's encoding, as 40 hex digits: what rows are told apart by once a chunk
   * is known to differ (few rows, so the stronger hash costs little).
   */
  public static String rowDigest(TableShape shape) {
    return "SHA1(" + rowEncoding(shape) + ")";
  }

  /** The row's unambiguous encoding as one string. */
  public static String rowEncoding(TableShape shape) {
    return "CONCAT_WS(_binary'#', "
        + shape.columns().stream()
            .flatMap(column -> column.encodingItems().stream())
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Row count and chunk hash of a range; bind lower then upper key values. */
  static String checksum(RowHash hash, EncodingUse use, TableShape shape, ChunkRange range) {
    return "SELECT COUNT(*), COALESCE(SUM("
        + rowHash(hash, use, shape)
        + "), 0) FROM "
        + shape.quotedName()
        + forceKey(shape)
        + where(shape, range);
  }

  /**
   * The last key of the next chunk: the key {@code ?} rows past the lower bound, within the range
   * (bind the range's lower then upper key values, then the offset: the chunk size minus one).
   */
  public static String upperBoundary(TableShape shape, ChunkRange within) {
    return "SELECT "
        + keySelect(shape)
        + " FROM "
        + shape.quotedName()
        + forceKey(shape)
        + where(shape, within)
        + " ORDER BY "
        + keyList(shape)
        + " LIMIT 1 OFFSET ?";
  }

  /** The table's last key, or no row when it is empty. */
  public static String lastKey(TableShape shape) {
    return "SELECT "
        + keySelect(shape)
        + " FROM "
        + shape.quotedName()
        + forceKey(shape)
        + " ORDER BY "
        + shape.key().stream().map(c -> c.quoted() + " DESC").collect(Collectors.joining(", "))
        + " LIMIT 1";
  }

  /** The first key after a lower bound (bind its values); no row when none is left. */
  public static String firstKeyAfter(TableShape shape, boolean hasLower) {
    return "SELECT "
        + keySelect(shape)
        + " FROM "
        + shape.quotedName()
        + forceKey(shape)
        + (hasLower ? " WHERE " + comparison(shape, ">") : "")
        + " ORDER BY "
        + keyList(shape)
        + " LIMIT 1";
  }

  /** Whether the first bound key is greater than the second (bind both keys' values in order). */
  public static String keyGreater(TableShape shape) {
    String placeholders =
        shape.key().stream().map(Column::keyPlaceholder).collect(Collectors.joining(", "));
    return shape.key().size() == 1
        ? "SELECT " + placeholders + " > " + placeholders
        : "SELECT (" + placeholders + ") > (" + placeholders + ")";
  }

  /** Every row's key and digest in a range, in key order; bind lower then upper key values. */
  public static String rowDigests(TableShape shape, ChunkRange range) {
    return "SELECT "
        + keySelect(shape)
        + ", "
        + rowDigest(shape)
        + " FROM "
        + shape.quotedName()
        + forceKey(shape)
        + where(shape, range)
        + " ORDER BY "
        + keyList(shape);
  }

  /**
   * Rows by their primary keys ({@code keys} of them; bind each key's values in turn): each row's
   * key as {@link #rowDigests} selects it, then its columns, each as SQL text that tells every
   * value apart: {@code QUOTE} for text and anything that may be NULL, {@code 0x} and hex digits
   * for binary columns, the plain value for numbers and dates; a secret column (see {@link
   * SecretColumns}) as the SHA-1 of that text, so its value never leaves the server.
   */
  public static String rowsByKeys(TableShape shape, int keys) {
    String one =
        "("
            + shape.key().stream()
                .map(c -> c.quoted() + " = " + c.keyPlaceholder())
                .collect(Collectors.joining(" AND "))
            + ")";
    return "SELECT "
        + keySelect(shape)
        + ", "
        + shape.columns().stream().map(ChunkSql::shownValue).collect(Collectors.joining(", "))
        + " FROM "
        + shape.quotedName()
        + forceKey(shape)
        + " WHERE "
        + String.join(" OR ", Collections.nCopies(keys, one));
  }

  private static String shownValue(Column column) {
    String text =
        column.binary()
            ? "IF("
                + column.quoted()
                + " IS NULL, 'NULL', CONCAT('0x', HEX("
                + column.quoted()
                + ")))"
            : column.shownText();
    return SecretColumns.isSecret(column.name()) ? "SHA1(" + text + ")" : text;
  }

  /** The values to bind for a range's placeholders, in order. */
  public static List<String> parameters(TableShape shape, ChunkRange range) {
    List<String> values = new ArrayList<>();
    if (range.hasLower()) {
      values.addAll(expanded(shape, range.lowerExclusive()));
    }
    if (range.hasUpper()) {
      values.addAll(expanded(shape, range.upperInclusive()));
    }
    return values;
  }

  private static String where(TableShape shape, ChunkRange range) {
    List<String> conditions = new ArrayList<>();
    if (range.hasLower()) {
      conditions.add(comparison(shape, ">"));
    }
    if (range.hasUpper()) {
      conditions.add(comparison(shape, "<="));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * Key comparison with a bound. A one-column key is {@code a > ?}; a composite key is written out
   * column by column, {@code (a > ?) OR (a = ? AND b > ?)}, which is what the row constructor
   * {@code (a, b) > (?, ?)} means: MariaDB 10.11 does not turn a row-constructor comparison into an
   * index range and scans the whole index instead, so the expanded form keeps every chunk a range
   * read.
   */
  private static String comparison(TableShape shape, String operator) {
    List<Column> key = shape.key();
    if (key.size() == 1) {
      return key.get(0).quoted() + " " + operator + " " + key.get(0).keyPlaceholder();
    }
    List<String> alternatives = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      List<String> terms = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        terms.add(key.get(j).quoted() + " = " + key.get(j).keyPlaceholder());
      }
      boolean last = i == key.size() - 1;
      String op = operator.equals(">") ? ">" : (last ? "<=" : "<");
      terms.add(key.get(i).quoted() + " " + op + " " + key.get(i).keyPlaceholder());
      alternatives.add("(" + String.join(" AND ", terms) + ")");
    }
    return "(" + String.join(" OR ", alternatives) + ")";
  }

  /** A bound's values in the order {@link #comparison} uses them. */
  private static List<String> expanded(TableShape shape, List<String> bound) {
    if (shape.key().size() == 1) {
      return bound;
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < bound.size(); i++) {
      values.addAll(bound.subList(0, i + 1));
    }
    return values;
  }

  private static String keyList(TableShape shape) {
    return shape.key().stream().map(Column::quoted).collect(Collectors.joining(", "));
  }

  private static String keySelect(TableShape shape) {
    return shape.key().stream().map(Column::keySelect).collect(Collectors.joining(", "));
  }

  private static String forceKey(TableShape shape) {
    return shape.chunkable() ? " FORCE INDEX (PRIMARY)" : "";
  }
}
