package io.ferry.lineprotocol.bench;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.PointRefusedException;
import io.ferry.lineprotocol.PointRule;
import java.util.Map;

/**
 * The same work per point as the collector's ingest checks (its {@code InfluxTargetRule} then its
 * {@code PointLimits}, which live in the collector module): a tag named {@code time}, unsigned
 * fields, InfluxDB's series key length in escaped UTF-8 bytes, tags and fields per point, key
 * lengths and the timestamp window. Limits are the collector's defaults; no benchmark point is
 * refused.
 */
final class CollectorLikeRule implements PointRule {

  private static final int MAX_KEY_BYTES = 65_535;
  private static final int MAX_TAGS = 64;
  private static final int MAX_FIELDS = 1024;
  private static final int MAX_KEY_LENGTH = 256;

  private final long earliestNanos;
  private final long latestNanos;

  CollectorLikeRule(long receivedNanos, long maxAgeNanos, long maxFutureNanos) {
    this.earliestNanos = receivedNanos - maxAgeNanos;
    this.latestNanos = receivedNanos + maxFutureNanos;
  }

  @Override
  public Point check(Point point) throws PointRefusedException {
    if (point.tags().containsKey("time")) {
      throw new PointRefusedException("tag time");
    }
    for (FieldValue value : point.fields().values()) {
      if (value instanceof FieldValue.UnsignedValue) {
        throw new PointRefusedException("unsigned");
      }
    }
    if (3 * longestKeyChars(point) > MAX_KEY_BYTES) { // at most 3 bytes a character
      long seriesKey = escapedUtf8Bytes(point.measurement(), false);
      for (Map.Entry<String, String> tag : point.tags().entrySet()) {
        seriesKey +=
            2 + escapedUtf8Bytes(tag.getKey(), true) + escapedUtf8Bytes(tag.getValue(), true);
      }
      for (String fieldKey : point.fields().keySet()) {
        if (seriesKey + 4 + escapedUtf8Bytes(fieldKey, true) > MAX_KEY_BYTES) {
          throw new PointRefusedException("max key length exceeded");
        }
      }
    }
    if (point.fields().containsKey("time")) {
      throw new PointRefusedException("field time");
    }
    if (point.tags().size() > MAX_TAGS || point.fields().size() > MAX_FIELDS) {
      throw new PointRefusedException("too many tags or fields");
    }
    checkKey(point.measurement());
    point.tags().keySet().forEach(CollectorLikeRule::checkKeyUnchecked);
    point.fields().keySet().forEach(CollectorLikeRule::checkKeyUnchecked);
    Long nanos = point.timestampNanos();
    if (nanos != null && (nanos < earliestNanos || nanos > latestNanos)) {
      throw new PointRefusedException("timestamp out of the window");
    }
    return point;
  }

  private static long longestKeyChars(Point point) {
    long chars = point.measurement().length() + 4;
    for (Map.Entry<String, String> tag : point.tags().entrySet()) {
      chars += 2 + tag.getKey().length() + tag.getValue().length();
    }
    int longestField = 0;
    for (String fieldKey : point.fields().keySet()) {
      longestField = Math.max(longestField, fieldKey.length());
    }
    return chars + longestField;
  }

  private static void checkKey(String key) throws PointRefusedException {
    if (key.length() > MAX_KEY_LENGTH) {
      throw new PointRefusedException("key too long");
    }
  }

  private static void checkKeyUnchecked(String key) {
    if (key.length() > MAX_KEY_LENGTH) {
      throw new IllegalStateException("key too long");
    }
  }

  private static long escapedUtf8Bytes(String text, boolean escapeEquals) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
        bytes += 2;
      } else if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        bytes += 2;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
