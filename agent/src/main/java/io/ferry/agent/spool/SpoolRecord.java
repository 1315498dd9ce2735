package io.ferry.agent.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One batch as it is stored in a spool segment, and the pure functions that write and read it.
 *
 * <p>Layout, big-endian: {@code magic} (int, {@value #MAGIC_HEX}), {@code length} (int, bytes of
 * what follows the checksum), {@code crc} (int, CRC-32C of those bytes), then {@code createdMillis}
 * (long, when the batch was spooled, epoch milliseconds), {@code points} (int) and the batch's body
 * (gzip line protocol, as sent to the collector).
 *
 * @param createdMillis when the batch was spooled, in epoch milliseconds
 * @param points how many points the body holds
 * @param body the request body: gzip-compressed line protocol
 */
public record SpoolRecord(long createdMillis, int points, byte[] body) {

  static final int MAGIC = 0x46525931;
  static final String MAGIC_HEX = "0x46525931";
  static final int HEADER_BYTES = 12;
  private static final int FIXED_PAYLOAD_BYTES = Long.BYTES + Integer.BYTES;

  /** The record's bytes as written to a segment. */
  public byte[] encode() {
    int length = FIXED_PAYLOAD_BYTES + body.length;
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + length);
    out.putInt(MAGIC).putInt(length).putInt(0);
    out.putLong(createdMillis).putInt(points).put(body);
    out.putInt(8, crc(out.array(), HEADER_BYTES, length));
    return out.array();
  }

  /** Bytes this record takes in a segment. */
  public int encodedSize() {
    return HEADER_BYTES + FIXED_PAYLOAD_BYTES + body.length;
  }

  /**
   * Reads the record starting at {@code offset}.
   *
   * @return the record and its size, or why the bytes there are not a whole, intact record
   */
  public static Decoded decode(byte[] data, int offset) {
    int available = data.length - offset;
    if (available < HEADER_BYTES) {
      return Decoded.damaged("torn header (" + available + " bytes)");
    }
    ByteBuffer in = ByteBuffer.wrap(data, offset, available);
    int magic = in.getInt();
    int length = in.getInt();
    int crc = in.getInt();
    if (magic != MAGIC) {
      return Decoded.damaged("no record marker");
    }
    if (length < FIXED_PAYLOAD_BYTES || length > available - HEADER_BYTES) {
      return Decoded.damaged(
          "torn record (" + length + " bytes announced, " + (available - HEADER_BYTES) + " there)");
    }
    if (crc(data, offset + HEADER_BYTES, length) != crc) {
      return Decoded.damaged("checksum mismatch");
    }
    long createdMillis = in.getLong();
    int points = in.getInt();
    byte[] body = new byte[length - FIXED_PAYLOAD_BYTES];
    in.get(body);
    return new Decoded(new SpoolRecord(createdMillis, points, body), HEADER_BYTES + length, null);
  }

  private static int crc(byte[] data, int offset, int length) {
    var crc = new CRC32C();
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  /**
   * What {@link #decode} found.
   *
   * @param record the record, or null when damaged
   * @param size bytes the record took
   * @param damage why the bytes are not a record, or null
   */
  public record Decoded(SpoolRecord record, int size, String damage) {
    static Decoded damaged(String why) {
      return new Decoded(null, 0, why);
    }

    public boolean intact() {
      return record != null;
    }
  }
}
