package io.ferry.lineprotocol;

import java.util.Collection;
import java.util.Map;

/**
 * Serializes {@link Point}s to InfluxDB line protocol. A point {@link LineProtocolParser} read is
 * written as its line was received (measurement, tags and fields copied from the body, see {@link
 * Point#hasSource()}), followed by its timestamp in the precision asked for; that is the same point
 * to any reader, at a fraction of the cost of encoding it. Any other point is encoded from its maps
 * ({@link #appendEncoded}), escaping as the specification requires: commas and spaces in
 * measurements; commas, spaces and equals signs in tag keys, tag values and field keys; double
 * quotes and backslashes in string field values. Any other backslash is written as is, which is how
 * InfluxDB reads it back.
 */
public final class LineProtocolWriter {

  private LineProtocolWriter() {}

  /** One point as one line, without the trailing newline; timestamps in nanoseconds. */
  public static String toLine(Point point) {
    var out = new StringBuilder(64);
    appendLine(out, point, Precision.NANOSECONDS);
    return out.toString();
  }

  /** Points as newline-terminated lines with timestamps in the given precision (truncated). */
  public static String toLines(Collection<Point> points, Precision precision) {
    var out = new StringBuilder(points.size() * 96);
    for (Point point : points) {
      appendLine(out, point, precision);
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Appends one point, without a newline: as received when it has a source, encoded otherwise;
   * timestamps in the given precision (truncated).
   */
  public static void appendLine(StringBuilder out, Point point, Precision precision) {
    if (!point.hasSource()) {
      appendEncoded(out, point, precision);
      return;
    }
    point.appendSource(out);
    if (point.timestampNanos() != null) {
      out.append(' ').append(precision.fromNanos(point.timestampNanos()));
    }
  }

  /**
   * Appends one point encoded from its measurement, tags and fields, whether or not it has a
   * source, without a newline; timestamps in the given precision (truncated).
   */
  public static void appendEncoded(StringBuilder out, Point point, Precision precision) {
    escape(out, point.measurement(), true);
    for (Map.Entry<String, String> tag : point.tags().entrySet()) {
      out.append(',');
      escape(out, tag.getKey(), false);
      out.append('=');
      escape(out, tag.getValue(), false);
    }
    char separator = ' ';
    for (Map.Entry<String, FieldValue> field : point.fields().entrySet()) {
      out.append(separator);
      separator = ',';
      escape(out, field.getKey(), false);
      out.append('=');
      appendValue(out, field.getValue());
    }
    if (point.timestampNanos() != null) {
      out.append(' ').append(precision.fromNanos(point.timestampNanos()));
    }
  }

  private static void appendValue(StringBuilder out, FieldValue value) {
    if (value instanceof FieldValue.FloatValue f) {
      double d = f.value();
      if (Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
        // Negative zero: (long) -0.0 would write "0" and lose the sign.
        out.append("-0");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        out.append((long) d);
      } else {
        out.append(d);
      }
    } else if (value instanceof FieldValue.IntegerValue i) {
      out.append(i.value()).append('i');
    } else if (value instanceof FieldValue.UnsignedValue u) {
      out.append(Long.toUnsignedString(u.value())).append('u');
    } else if (value instanceof FieldValue.BooleanValue b) {
      out.append(b.value());
    } else if (value instanceof FieldValue.StringValue s) {
      out.append('"');
      String text = s.value();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
  }

  private static void escape(StringBuilder out, String text, boolean measurement) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ',', ' ' -> out.append('\\').append(c);
        case '=' -> {
          if (!measurement) {
            out.append('\\');
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
  }
}
