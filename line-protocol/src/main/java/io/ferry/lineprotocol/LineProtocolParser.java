package io.ferry.lineprotocol;

/** Parses InfluxDB line protocol. (The implementation is being written.) */
public final class LineProtocolParser {

  private LineProtocolParser() {}

  /**
   * Parses a whole body.
   *
   * @param body the request body, lines separated by {@code \n} (a {@code \r} before it is
   *     ignored); blank lines and lines starting with {@code #} are skipped
   * @param precision the unit of the timestamps in the body
   * @param defaultTimestampNanos the time given to lines without a timestamp
   */
  public static ParseResult parse(String body, Precision precision, long defaultTimestampNanos) {
    throw new UnsupportedOperationException("not written yet");
  }
}
