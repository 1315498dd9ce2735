package io.ferry.collector.influx;

import io.ferry.collector.config.InfluxApi;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRefusedException;
import io.ferry.lineprotocol.PointRule;
import java.util.LinkedHashMap;

/**
 * What InfluxDB refuses although line protocol allows it, checked before writing so that the answer
 * names the line like any other refusal. Measured on InfluxDB 1.6.7:
 *
 * <ul>
 *   <li>an unsigned field ({@code 1u}) is a parse error on 1.x ({@code invalid number}); 2.x and
 *       later store it;
 *   <li>a tag key {@code time} is refused: {@code invalid tag key: input tag "time" on measurement
 *       "m" is invalid};
 *   <li>a field key {@code time} is dropped from the point; when it is the only field the point is
 *       refused: {@code invalid field name: input field "time" on measurement "m" is invalid};
 *   <li>a point whose series key (measurement and tags, escaped) plus {@code #!~#} plus a field key
 *       is longer than 65,535 bytes is a parse error: {@code max key length exceeded: 65536 >
 *       65535}.
 * </ul>
 *
 * The point kept is the one InfluxDB stores, so the alert engine sees the same.
 */
public final class InfluxTargetRule implements PointRule {

  private static final String TIME = "time";

  /** InfluxDB's longest series key plus field key, in bytes. */
  static final int MAX_KEY_BYTES = 65_535;

  /** InfluxDB's separator between a series key and a field key: {@code #!~#}. */
  private static final int FIELD_KEY_SEPARATOR_BYTES = 4;

  private final boolean unsignedStored;

  private InfluxTargetRule(boolean unsignedStored) {
    this.unsignedStored = unsignedStored;
  }

  /**
   * The rule for a server: unsigned fields are refused on the v1 API (InfluxDB before 1.8) and on
   * any server reporting a 1.x version.
   */
  public static InfluxTargetRule forServer(InfluxServer server) {
    boolean oneDotX =
        server.api() == InfluxApi.V1
            || (server.version() != null && server.version().startsWith("1."));
    return new InfluxTargetRule(!oneDotX);
  }

  @Override
  public Point check(Point point) throws PointRefusedException {
    if (point.tags().containsKey(TIME)) {
      throw new PointRefusedException(
          "invalid tag key: input tag \"time\" on measurement \""
              + point.measurement()
              + "\" is invalid");
    }
    // One pass over the fields serves both the unsigned check and the key length.
    int longestFieldKey = 0;
    for (var field : point.fields().entrySet()) {
      longestFieldKey = Math.max(longestFieldKey, field.getKey().length());
      if (!unsignedStored && field.getValue() instanceof FieldValue.UnsignedValue unsigned) {
        throw new PointRefusedException(
            "invalid number: field \""
                + field.getKey()
                + "\" is unsigned ("
                + Long.toUnsignedString(unsigned.value())
                + "u), which InfluxDB 1.x does not store; send it as an integer (i)");
      }
    }
    checkKeyLength(point, longestFieldKey);
    if (!point.fields().containsKey(TIME)) {
      return point;
    }
    if (point.fields().size() == 1) {
      throw new PointRefusedException(
          "invalid field name: input field \"time\" on measurement \""
              + point.measurement()
              + "\" is invalid");
    }
    var fields = new LinkedHashMap<>(point.fields());
    fields.remove(TIME);
    return new Point(point.measurement(), point.tags(), fields, point.timestampNanos());
  }

  private static void checkKeyLength(Point point, int longestFieldKey)
      throws PointRefusedException {
    // Each character takes at most three bytes escaped (a comma two, a character outside ASCII up
    // to three, each half of a surrogate pair two): a key whose characters fit three times over
    // needs no byte count, and that is nearly every key.
    long seriesChars = point.measurement().length();
    for (var tag : point.tags().entrySet()) {
      seriesChars += 2 + tag.getKey().length() + tag.getValue().length();
    }
    if (3 * (seriesChars + longestFieldKey) + FIELD_KEY_SEPARATOR_BYTES <= MAX_KEY_BYTES) {
      return;
    }
    checkKeyBytes(point);
  }

  private static void checkKeyBytes(Point point) throws PointRefusedException {
    long seriesKey = escapedUtf8Bytes(point.measurement(), false);
    for (var tag : point.tags().entrySet()) {
      seriesKey +=
          2 + escapedUtf8Bytes(tag.getKey(), true) + escapedUtf8Bytes(tag.getValue(), true);
    }
    for (String fieldKey : point.fields().keySet()) {
      long length = seriesKey + FIELD_KEY_SEPARATOR_BYTES + escapedUtf8Bytes(fieldKey, true);
      if (length > MAX_KEY_BYTES) {
        throw new PointRefusedException(
            "max key length exceeded: "
                + length
                + " > "
                + MAX_KEY_BYTES
                + " (measurement, tags and field key \""
                + (fieldKey.length() > 40 ? fieldKey.substring(0, 40) + "..." : fieldKey)
                + "\", in bytes as InfluxDB counts them)");
      }
    }
  }

  /** The length in UTF-8 of {@code text} as line protocol escapes it. */
  private static long escapedUtf8Bytes(String text, boolean escapeEquals) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
        bytes += 2;
      } else if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isSurrogate(c)) {
        bytes += 2; // each half of a pair: four bytes per pair
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
