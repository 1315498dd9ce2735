package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The chunk aggregate, computed in Java the way {@link ChunkSql} has the server compute it: the sum
 * of each row's first 64 SHA1 bits as an unsigned number. The same property is checked on a real
 * server in {@code DataComparatorTest}.
 */
class ChunkHashAggregateTest {

  private static final String A = "1#apple";
  private static final String B = "2#banana";
  private static final String C = "3#cherry";

  @Test
  void xorOfCrc32CancelsDuplicateRows() {
    assertThat(xorCrc32(List.of(A, A, B))).isEqualTo(xorCrc32(List.of(B, C, C)));
  }

  @Test
  void sumOf64BitHashesKeepsDuplicateRowsApart() {
    assertThat(sumOfHashes(List.of(A, A, B))).isNotEqualTo(sumOfHashes(List.of(B, C, C)));
  }

  @Test
  void sumOf64BitHashesIgnoresRowOrder() {
    assertThat(sumOfHashes(List.of(A, B, C))).isEqualTo(sumOfHashes(List.of(C, A, B)));
  }

  @Test
  void sumNeverWrapsAround() {
    BigInteger sum = sumOfHashes(List.of(A, B, C, A, B, C, A, B, C));

    assertThat(sum.bitLength()).isGreaterThan(64);
  }

  private static long xorCrc32(List<String> rows) {
    long xor = 0;
    for (String row : rows) {
      CRC32 crc = new CRC32();
      crc.update(row.getBytes(StandardCharsets.UTF_8));
      xor ^= crc.getValue();
    }
    return xor;
  }

  /** {@code SUM(CAST(CONV(LEFT(SHA1(row), 16), 16, 10) AS UNSIGNED))}. */
  private static BigInteger sumOfHashes(List<String> rows) {
    BigInteger sum = BigInteger.ZERO;
    for (String row : rows) {
      String sha1 = HexFormat.of().formatHex(sha1(row));
      sum = sum.add(new BigInteger(sha1.substring(0, 16), 16));
    }
    return sum;
  }

  private static byte[] sha1(String text) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
