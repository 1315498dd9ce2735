package io.ferry.cutover.data;

import io.ferry.mysqlfacts.ServerDialect;

/**
 * How a server hashes one row's encoding (see {@link ChunkSql}) to an unsigned 64-bit integer. Both
 * sides of a comparison must use the same one: {@link #commonTo} picks the cheapest both support.
 * Each hash can be written two ways with the same value: {@link #of} builds the encoding wherever
 * the hash needs it, {@link #ofEncodedOnce} builds it once per row (see {@link EncodingUse}).
 */
public enum RowHash {

  /**
   * {@code CRC32(row) << 32 | CRC32C(row)}: two CRCs with different polynomials side by side, so 64
   * bits where one CRC alone would give 32. Two CRCs of the same polynomial over different inputs
   * would not do: a CRC is affine in its input, so equal-length rows colliding in one collide in
   * the other. Needs {@code CRC32C}, MariaDB 10.8 and later. Cheaper for the server than {@link
   * #SHA1_PREFIX}, and a quarter cheaper again when the encoding is built once per row (see the
   * cutover section of {@code docs/benchmarks.md}).
   */
  CRC32_PAIR {
    @Override
    String of(String encoding) {
      return "(CRC32(" + encoding + ") << 32 | CRC32C(" + encoding + "))";
    }

    /**
     * {@code (CRC32(@ferry_row := row) << 32 | CRC32C(@ferry_row))}. Written in this order on
     * purpose: MariaDB resolves the operands left to right, and a read of a user variable counts as
     * a per-row value only when an assignment to it in the same statement was resolved before it
     * ({@code Item_func_get_user_var::const_item} compares the variable's {@code update_query_id}
     * with the statement's); written the other way round, the read is taken as a constant and
     * hashes the value the variable held before the statement. The bit operations then evaluate
     * their first operand before the second. The manual calls the order of assignments and reads of
     * a variable in one statement undefined, so this spelling is used only on a connection where
     * {@link EncodingUse#of} saw the server compute it exactly as {@link #of}.
     */
    @Override
    String ofEncodedOnce(String encoding) {
      return "(CRC32("
          + ROW_VARIABLE
          + " := "
          + encoding
          + ") << 32 | CRC32C("
          + ROW_VARIABLE
          + "))";
    }
  },

  /**
   * The first 64 bits of {@code SHA1(row)}: every MySQL and MariaDB version has it (MySQL has no
   * {@code CRC32C}).
   */
  SHA1_PREFIX {
    @Override
    String of(String encoding) {
      return "CAST(CONV(LEFT(SHA1(" + encoding + "), 16), 16, 10) AS UNSIGNED)";
    }
  };

  /** The session variable {@link #ofEncodedOnce} keeps the current row's encoding in. */
  static final String ROW_VARIABLE = "@ferry_row";

  /**
   * The SQL expression hashing the row encoding {@code encoding} to an unsigned 64-bit integer,
   * building the encoding wherever the hash needs it.
   */
  abstract String of(String encoding);

  /**
   * The same value as {@link #of}, with the row encoding built only once per row: the same
   * expression for a hash that uses the encoding once.
   */
  String ofEncodedOnce(String encoding) {
    return of(encoding);
  }

  /** The cheapest hash both servers compute. */
  public static RowHash commonTo(ServerDialect oldSide, ServerDialect newSide) {
    return hasCrc32c(oldSide) && hasCrc32c(newSide) ? CRC32_PAIR : SHA1_PREFIX;
  }

  private static boolean hasCrc32c(ServerDialect server) {
    return server.mariaDb() && server.atLeast(10, 8);
  }
}
