package io.ferry.cutover.data;

import io.ferry.mysqlfacts.ServerDialect;

/**
 * How a server hashes one row's encoding (see {@link ChunkSql}) to an unsigned 64-bit integer. Both
 * sides of a comparison must use the same one: {@link #commonTo} picks the cheapest both support.
 */
public enum RowHash {

  /**
   * {@code CRC32(row) << 32 | CRC32C(row)}: two CRCs with different polynomials side by side, so 64
   * bits where one CRC alone would give 32. Two CRCs of the same polynomial over different inputs
   * would not do: a CRC is affine in its input, so equal-length rows colliding in one collide in
   * the other. Needs {@code CRC32C}, MariaDB 10.8 and later. Cheaper for the server than {@link
   * #SHA1_PREFIX} although it builds the row encoding twice (see the cutover section of {@code
   * docs/benchmarks.md}).
   */
  CRC32_PAIR {
    @Override
    String of(String encoding) {
      return "(CRC32(" + encoding + ") << 32 | CRC32C(" + encoding + "))";
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

  /** The SQL expression hashing the row encoding {@code encoding} to an unsigned 64-bit integer. */
  abstract String of(String encoding);

  /** The cheapest hash both servers compute. */
  public static RowHash commonTo(ServerDialect oldSide, ServerDialect newSide) {
    return hasCrc32c(oldSide) && hasCrc32c(newSide) ? CRC32_PAIR : SHA1_PREFIX;
  }

  private static boolean hasCrc32c(ServerDialect server) {
    return server.mariaDb() && server.atLeast(10, 8);
  }
}
