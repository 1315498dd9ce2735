package io.ferry.lineprotocol;

import java.util.Map;
import java.util.SortedMap;

/**
 * Part of {@link ReferenceLineProtocolParser} (the parser as it was, kept as a reference): Parses
 * one line of line protocol into a {@link Point}, in a single pass over its characters. Keys and
 * values without escapes are cut straight out of the body; only escaped ones are copied character
 * by character.
 *
 * <p>Escapes: in a measurement {@code \,} and {@code \ }; in tag keys, tag values and field keys
 * also {@code \=}; in string field values {@code \"} and {@code \\}. A backslash before any other
 * character is an ordinary character. Not thread-safe: one instance per body.
 */
final class ReferencePointLineParser {

  /** The earliest time InfluxDB stores: 1677-09-21T00:12:43.145224194Z. */
  static final long MIN_NANOS = Long.MIN_VALUE + 2;

  /** The latest time InfluxDB stores: 2262-04-11T23:47:16.854775806Z. */
  static final long MAX_NANOS = Long.MAX_VALUE - 1;

  /** Slots of the table of shared texts: a power of two. */
  private static final int SHARED_SLOTS = 1024;

  /** Longer texts are not worth looking up: they rarely repeat. */
  private static final int MAX_SHARED_LENGTH = 64;

  private static final String MISSING_FIELD_SET =
      "missing field set (a point needs at least one field)";

  private final String body;
  private final Precision precision;
  private final long defaultTimestampNanos;
  private final StringBuilder scratch = new StringBuilder();

  /** Short texts already cut from this body, by hash (see {@link #cut}). */
  private final String[] shared = new String[SHARED_SLOTS];

  /** End of the line being parsed (exclusive). */
  private int end;

  /** Whether the text just scanned holds an escape, so that it has to be unescaped. */
  private boolean escaped;

  /** The hash of the characters {@link #scanKey} just scanned (valid when not {@link #escaped}). */
  private int scannedHash;

  ReferencePointLineParser(String body, Precision precision, long defaultTimestampNanos) {
    this.body = body;
    this.precision = precision;
    this.defaultTimestampNanos = defaultTimestampNanos;
  }

  /**
   * Parses {@code body[from, to)}, which starts with a character other than space, tab or {@code
   * #}.
   */
  Point parse(int from, int to) throws LineSyntaxException {
    end = to;
    if (body.charAt(from) == ',') {
      throw new LineSyntaxException("missing measurement (the line starts with \",\")");
    }
    int measurementEnd = scanKey(from, false);
    String measurement = key(from, measurementEnd, false);
    SortedMap<String, String> tags = new java.util.TreeMap<>();
    int i = measurementEnd;
    if (i < end && body.charAt(i) == ',') {
      i = parseTags(i + 1, tags);
    }
    i = skipSpaces(i);
    if (i >= end) {
      throw new LineSyntaxException(MISSING_FIELD_SET);
    }
    Map<String, FieldValue> fields = new java.util.LinkedHashMap<>();
    i = parseFields(i, fields);
    long timestamp = parseTimestamp(i);
    try {
      return new Point(measurement, tags, fields, timestamp);
    } catch (IllegalArgumentException rejectedByPoint) {
      // Only a carriage return inside a key gets here; keep the reason on one printable line.
      throw new LineSyntaxException(rejectedByPoint.getMessage().replace("\r", "\\r"));
    }
  }

  /** Reads {@code key=value[,key=value...]} up to the space before the fields. */
  private int parseTags(int i, SortedMap<String, String> tags) throws LineSyntaxException {
    while (true) {
      int keyEnd = scanKey(i, true);
      if (keyEnd == i) {
        throw new LineSyntaxException(
            keyEnd < end && body.charAt(keyEnd) == '='
                ? "missing tag key before \"=\""
                : "missing tag key after \",\"");
      }
      String key = key(i, keyEnd, true);
      if (keyEnd >= end || body.charAt(keyEnd) != '=') {
        throw new LineSyntaxException("tag " + Snippet.quoted(key) + " has no \"=\" and no value");
      }
      int valueStart = keyEnd + 1;
      int valueEnd = scanKey(valueStart, true);
      if (valueEnd < end && body.charAt(valueEnd) == '=') {
        throw new LineSyntaxException(
            "tag "
                + Snippet.quoted(key)
                + " has an unescaped \"=\" in its value (write it as \\=)");
      }
      if (valueEnd == valueStart) {
        throw new LineSyntaxException("tag " + Snippet.quoted(key) + " has no value");
      }
      if (tags.put(key, key(valueStart, valueEnd, true)) != null) {
        throw new LineSyntaxException("tag " + Snippet.quoted(key) + " appears more than once");
      }
      if (valueEnd >= end) {
        throw new LineSyntaxException(MISSING_FIELD_SET);
      }
      if (body.charAt(valueEnd) == ' ') {
        return valueEnd;
      }
      i = valueEnd + 1;
    }
  }

  /**
   * Reads {@code key=value[,key=value...]}; a key given twice keeps its last value, and is refused
   * when its two values differ in type.
   */
  private int parseFields(int i, Map<String, FieldValue> fields) throws LineSyntaxException {
    while (true) {
      int keyEnd = scanKey(i, true);
      if (keyEnd == i) {
        throw new LineSyntaxException(
            keyEnd < end && body.charAt(keyEnd) == '='
                ? "missing field key before \"=\""
                : "missing field key where a field should start");
      }
      String key = key(i, keyEnd, true);
      if (keyEnd >= end || body.charAt(keyEnd) != '=') {
        throw new LineSyntaxException(
            "field " + Snippet.quoted(key) + " has no \"=\" and no value");
      }
      int valueStart = keyEnd + 1;
      if (valueStart >= end || isSeparator(body.charAt(valueStart))) {
        throw new LineSyntaxException("field " + Snippet.quoted(key) + " has no value");
      }
      int valueEnd;
      if (body.charAt(valueStart) == '"') {
        valueEnd = closingQuote(valueStart + 1, key) + 1;
        putField(
            fields, key, new FieldValue.StringValue(unescapeString(valueStart + 1, valueEnd - 1)));
        if (valueEnd < end && !isSeparator(body.charAt(valueEnd))) {
          throw new LineSyntaxException(
              "unexpected text "
                  + Snippet.quoted(body, valueEnd, end)
                  + " after the closing quote of field "
                  + Snippet.quoted(key));
        }
      } else {
        valueEnd = valueStart;
        while (valueEnd < end && !isSeparator(body.charAt(valueEnd))) {
          valueEnd++;
        }
        putField(fields, key, ReferenceUnquotedValueParser.parse(body, valueStart, valueEnd, key));
      }
      if (valueEnd >= end || body.charAt(valueEnd) == ' ') {
        return valueEnd;
      }
      i = valueEnd + 1;
      if (i >= end || body.charAt(i) == ' ') {
        throw new LineSyntaxException("missing field after the trailing \",\"");
      }
    }
  }

  private long parseTimestamp(int i) throws LineSyntaxException {
    int start = skipSpaces(i);
    if (start >= end) {
      return defaultTimestampNanos;
    }
    int stop = start;
    while (stop < end && body.charAt(stop) != ' ') {
      stop++;
    }
    int digits = body.charAt(start) == '-' ? start + 1 : start;
    boolean integer = digits < stop;
    for (int d = digits; d < stop && integer; d++) {
      char c = body.charAt(d);
      integer = c >= '0' && c <= '9';
    }
    if (!integer) {
      throw new LineSyntaxException(
          "timestamp " + Snippet.quoted(body, start, stop) + " is not an integer");
    }
    int rest = skipSpaces(stop);
    if (rest < end) {
      throw new LineSyntaxException(
          "unexpected text " + Snippet.quoted(body, rest, end) + " after the timestamp");
    }
    try {
      long nanos = precision.toNanos(Long.parseLong(body, start, stop, 10));
      if (nanos >= MIN_NANOS && nanos <= MAX_NANOS) {
        return nanos;
      }
    } catch (NumberFormatException | ArithmeticException outOfRange) {
      // reported below, with the range InfluxDB accepts
    }
    throw new LineSyntaxException(
        "timestamp "
            + Snippet.quoted(body, start, stop)
            + " in precision "
            + precision.parameterName()
            + " is out of range (InfluxDB stores 1677-09-21T00:12:43.145224194Z"
            + " to 2262-04-11T23:47:16.854775806Z)");
  }

  /**
   * Scans a measurement ({@code withEquals} false) or a tag key, tag value or field key up to the
   * first unescaped comma, space or (for the latter) equals sign.
   */
  private int scanKey(int i, boolean withEquals) {
    escaped = false;
    int hash = 0;
    while (i < end) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < end && isEscapable(body.charAt(i + 1), withEquals)) {
        escaped = true;
        i += 2;
      } else if (isEscapable(c, withEquals)) {
        break;
      } else {
        hash = 31 * hash + c;
        i++;
      }
    }
    scannedHash = hash;
    return i;
  }

  /** The text of what {@link #scanKey} just scanned, unescaped. */
  private String key(int from, int to, boolean withEquals) {
    if (!escaped) {
      return cut(from, to);
    }
    scratch.setLength(0);
    for (int i = from; i < to; i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < to && isEscapable(body.charAt(i + 1), withEquals)) {
        c = body.charAt(++i);
      }
      scratch.append(c);
    }
    return scratch.toString();
  }

  /**
   * {@code body[from, to)}, just scanned by {@link #scanKey} without escapes, as a string: the same
   * instance as last time when the same short text was cut before at this slot: measurements, keys
   * and most tag values repeat from line to line, so a body's points share them instead of holding
   * a copy each.
   */
  private String cut(int from, int to) {
    int length = to - from;
    if (length > MAX_SHARED_LENGTH) {
      return body.substring(from, to);
    }
    int hash = scannedHash;
    int slot = (hash ^ (hash >>> 15)) & (shared.length - 1);
    String known = shared[slot];
    if (known != null && known.length() == length && body.startsWith(known, from)) {
      return known;
    }
    String text = body.substring(from, to);
    shared[slot] = text;
    return text;
  }

  /**
   * The index of the quote that closes a string value whose text starts at {@code i}; sets {@link
   * #escaped} when the text holds a backslash.
   */
  private int closingQuote(int i, String field) throws LineSyntaxException {
    escaped = false;
    while (i < end) {
      char c = body.charAt(i);
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        escaped = true;
        i += 2;
      } else {
        i++;
      }
    }
    throw new LineSyntaxException("unterminated quoted string in field " + Snippet.quoted(field));
  }

  /** The text of the string value {@link #closingQuote} just scanned, unescaped. */
  private String unescapeString(int from, int to) {
    if (!escaped) {
      return body.substring(from, to);
    }
    scratch.setLength(0);
    for (int i = from; i < to; i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < to) {
        char next = body.charAt(++i);
        if (next != '"' && next != '\\') {
          scratch.append(c);
        }
        scratch.append(next);
      } else {
        scratch.append(c);
      }
    }
    return scratch.toString();
  }

  private int skipSpaces(int i) {
    while (i < end && body.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static boolean isSeparator(char c) {
    return c == ',' || c == ' ';
  }

  private static boolean isEscapable(char c, boolean withEquals) {
    return c == ',' || c == ' ' || (withEquals && c == '=');
  }

  private static void putField(Map<String, FieldValue> fields, String key, FieldValue value)
      throws LineSyntaxException {
    FieldValue earlier = fields.put(key, value);
    if (earlier != null) {
      FieldValue.checkRepeated(key, earlier, value);
    }
  }
}
