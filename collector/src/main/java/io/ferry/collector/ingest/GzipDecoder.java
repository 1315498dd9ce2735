package io.ferry.collector.ingest;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a gzip body (RFC 1952) completely or not at all: every member must have a valid header,
 * deflate data, CRC-32 and length; members may follow one another (as {@code cat a.gz b.gz} makes),
 * and nothing else may follow the last. A body cut short, missing its trailer, or followed by other
 * bytes is refused, as InfluxDB refuses it, with InfluxDB's message first ({@code gzip: invalid
 * header}, {@code unexpected EOF}, {@code gzip: invalid checksum}).
 *
 * <p>Inflation stops as soon as the output passes the limit, so a gzip bomb costs at most the limit
 * (plus one byte) in memory and the time to inflate that much.
 */
final class GzipDecoder {

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xE0;
  private static final String NOTHING_WRITTEN = "; nothing was written";

  /** The most deflate expands: 1,032 decoded bytes per byte of deflate data (zlib's figure). */
  private static final int MAX_DEFLATE_RATIO = 1032;

  private GzipDecoder() {}

  /**
   * The decoded bytes of {@code gzip}.
   *
   * @param maxDecodedBytes the most decoded bytes accepted; more is refused with {@link
   *     ErrorCode#TOO_LARGE}
   * @param limitName the configuration key of the limit, for the message
   */
  static byte[] decode(byte[] gzip, int maxDecodedBytes, String limitName)
      throws BodyRefusedException {
    if (gzip.length == 0) {
      throw invalid("EOF (the body is empty although Content-Encoding is gzip)");
    }
    // Inflated straight into one array sized from the trailer, so that a body costs one array of
    // its decoded size and no copies.
    byte[] out = new byte[initialCapacity(gzip, maxDecodedBytes)];
    int length = 0;
    int pos = 0;
    while (pos < gzip.length) {
      pos = skipHeader(gzip, pos);
      var inflater = new Inflater(true);
      var crc = new CRC32();
      int memberStart = length;
      try {
        inflater.setInput(gzip, pos, gzip.length - pos);
        while (!inflater.finished()) {
          if (length == out.length) {
            if (length > maxDecodedBytes) {
              throw tooLarge(maxDecodedBytes, limitName);
            }
            // one byte past the limit shows that the output passes it
            out = Arrays.copyOf(out, (int) Math.min(2L * length + 64, maxDecodedBytes + 1L));
          }
          int n = inflater.inflate(out, length, out.length - length);
          if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            throw cutShort(gzip.length);
          }
          length += n;
        }
        pos = gzip.length - inflater.getRemaining();
      } catch (DataFormatException e) {
        throw invalid(
            "flate: corrupt input before offset "
                + (pos + inflater.getBytesRead())
                + " ("
                + e.getMessage()
                + ")");
      } finally {
        inflater.end();
      }
      if (length > maxDecodedBytes) {
        throw tooLarge(maxDecodedBytes, limitName);
      }
      if (gzip.length - pos < 8) {
        throw cutShort(gzip.length);
      }
      crc.update(out, memberStart, length - memberStart);
      if (littleEndianInt(gzip, pos) != (int) crc.getValue()
          || littleEndianInt(gzip, pos + 4) != length - memberStart) {
        throw invalid("gzip: invalid checksum (the gzip trailer does not match the data)");
      }
      pos += 8;
    }
    return length == out.length ? out : Arrays.copyOf(out, length);
  }

  /**
   * The decoded size the last member's trailer states (the size modulo 2^32, as RFC 1952 has it),
   * trusted only as far as deflate can compress (at most 1,032 to 1) and the limit allows, so that
   * a small body claiming a large size costs no large array.
   */
  private static int initialCapacity(byte[] gzip, int maxDecodedBytes) {
    long stated = gzip.length >= 18 ? littleEndianInt(gzip, gzip.length - 4) & 0xFFFFFFFFL : 0;
    long possible = (long) gzip.length * MAX_DEFLATE_RATIO;
    return (int) Math.max(64, Math.min(stated, Math.min(possible, maxDecodedBytes + 1L)));
  }

  private static BodyRefusedException tooLarge(int maxDecodedBytes, String limitName) {
    return new BodyRefusedException(
        ErrorCode.TOO_LARGE,
        "request body is larger than "
            + maxDecodedBytes
            + " bytes after gzip decoding ("
            + limitName
            + ")"
            + NOTHING_WRITTEN);
  }

  /** The position just past the member header at {@code pos}. */
  private static int skipHeader(byte[] gzip, int pos) throws BodyRefusedException {
    if (gzip.length - pos < 10) {
      throw gzip.length - pos >= 2 && !hasMagic(gzip, pos) ? notGzip(pos) : cutShort(gzip.length);
    }
    int flags = gzip[pos + 3] & 0xFF;
    if (!hasMagic(gzip, pos) || gzip[pos + 2] != 8 || (flags & RESERVED) != 0) {
      throw notGzip(pos);
    }
    int i = pos + 10;
    if ((flags & FEXTRA) != 0) {
      requireBytes(gzip, i, 2);
      i += 2 + ((gzip[i] & 0xFF) | (gzip[i + 1] & 0xFF) << 8);
    }
    if ((flags & FNAME) != 0) {
      i = pastZero(gzip, i);
    }
    if ((flags & FCOMMENT) != 0) {
      i = pastZero(gzip, i);
    }
    if ((flags & FHCRC) != 0) {
      i += 2;
    }
    requireBytes(gzip, i, 0);
    return i;
  }

  private static boolean hasMagic(byte[] gzip, int pos) {
    return (gzip[pos] & 0xFF) == 0x1F && (gzip[pos + 1] & 0xFF) == 0x8B;
  }

  private static int pastZero(byte[] gzip, int i) throws BodyRefusedException {
    while (i < gzip.length && gzip[i] != 0) {
      i++;
    }
    requireBytes(gzip, i, 1);
    return i + 1;
  }

  private static void requireBytes(byte[] gzip, int i, int count) throws BodyRefusedException {
    if (i + count > gzip.length) {
      throw cutShort(gzip.length);
    }
  }

  private static int littleEndianInt(byte[] b, int i) {
    return (b[i] & 0xFF)
        | (b[i + 1] & 0xFF) << 8
        | (b[i + 2] & 0xFF) << 16
        | (b[i + 3] & 0xFF) << 24;
  }

  private static BodyRefusedException notGzip(int pos) {
    return invalid(
        pos == 0
            ? "gzip: invalid header (the body is not gzip although Content-Encoding says so)"
            : "gzip: invalid header (other bytes follow the gzip data at byte " + pos + ")");
  }

  private static BodyRefusedException cutShort(int length) {
    return invalid("unexpected EOF (the gzip body ends early, after " + length + " bytes)");
  }

  private static BodyRefusedException invalid(String reason) {
    return new BodyRefusedException(ErrorCode.INVALID, reason + NOTHING_WRITTEN);
  }
}
