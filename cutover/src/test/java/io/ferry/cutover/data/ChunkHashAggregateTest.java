package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The chunk aggregate, computed in Java the way {@link ChunkSql} has the server compute it: the sum
 * of each row's 64-bit hash as an unsigned number, for both {@link RowHash} choices. {@code
 * RowHashOnServerTest} checks that the server computes the same row hashes.
 */
class ChunkHashAggregateTest {

  private static final String A = "1#'apple'";
  private static final String B = "2#'banana'";
  private static final String C = "3#'cherry'";

  @Test
  void xorOfCrc32CancelsDuplicateRows() {
    assertThat(xorCrc32(List.of(A, A, B))).isEqualTo(xorCrc32(List.of(B, C, C)));
  }

  @Test
  void sumOf64BitHashesKeepsDuplicateRowsApart() {
    for (Function<String, BigInteger> hash : hashes()) {
      assertThat(sum(List.of(A, A, B), hash)).isNotEqualTo(sum(List.of(B, C, C), hash));
    }
  }

  @Test
  void sumOf64BitHashesIgnoresRowOrder() {
    for (Function<String, BigInteger> hash : hashes()) {
      assertThat(sum(List.of(A, B, C), hash)).isEqualTo(sum(List.of(C, A, B), hash));
    }
  }

  @Test
  void crcPairUsesAll64Bits() {
    BigInteger hash = crcPair(A);

    assertThat(hash.shiftRight(32).longValue()).isEqualTo(crc32(A));
    assertThat(hash.longValue() & 0xFFFF_FFFFL).isEqualTo(crc32c(A));
    assertThat(crc32(A)).isNotEqualTo(crc32c(A));
  }

  @Test
  void sumNeverWrapsAround() {
    for (Function<String, BigInteger> hash : hashes()) {
      assertThat(sum(List.of(A, B, C, A, B, C, A, B, C), hash).bitLength()).isGreaterThan(64);
    }
  }

  /** {@code CRC32(row) << 32 | CRC32C(row)}. */
  static BigInteger crcPair(String row) {
    return BigInteger.valueOf(crc32(row)).shiftLeft(32).or(BigInteger.valueOf(crc32c(row)));
  }

  /** {@code CAST(CONV(LEFT(SHA1(row), 16), 16, 10) AS UNSIGNED)}. */
  static BigInteger sha1Prefix(String row) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(row.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(HexFormat.of().formatHex(digest).substring(0, 16), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Function<String, BigInteger>> hashes() {
    return List.of(ChunkHashAggregateTest::crcPair, ChunkHashAggregateTest::sha1Prefix);
  }

  private static BigInteger sum(List<String> rows, Function<String, BigInteger> hash) {
    return rows.stream().map(hash).reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static long xorCrc32(List<String> rows) {
    long xor = 0;
    for (String row : rows) {
      xor ^= crc32(row);
    }
    return xor;
  }

  private static long crc32(String row) {
    CRC32 crc = new CRC32();
    crc.update(row.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static long crc32c(String row) {
    CRC32C crc = new CRC32C();
    crc.update(row.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
