package io.ferry.lineprotocol;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.TreeMap;

/**
 * Parses one line of line protocol into a {@link Point}, in a single pass over its characters,
 * which also finds where the line ends: at its first {@code \n}, or past it when a quoted string
 * value runs on across line breaks. Keys and values without escapes are cut straight out of the
 * body; only escaped ones are copied character by character.
 *
 * <p>Escapes: in a measurement {@code \,} and {@code \ }; in tag keys, tag values and field keys
 * also {@code \=}; in string field values {@code \"} and {@code \\}. A backslash before any other
 * character is an ordinary character. Not thread-safe: one instance per body.
 */
final class PointLineParser {

  /** The earliest time InfluxDB stores: 1677-09-21T00:12:43.145224194Z. */
  static final long MIN_NANOS = Long.MIN_VALUE + 2;

  /** The latest time InfluxDB stores: 2262-04-11T23:47:16.854775806Z. */
  static final long MAX_NANOS = Long.MAX_VALUE - 1;

  /** Slots of the table of shared texts: a power of two. */
  private static final int SHARED_SLOTS = 1024;

  /** Longer texts are not worth looking up: they rarely repeat. */
  private static final int MAX_SHARED_LENGTH = 64;

  /** Tags out of order are sorted in place up to this many; more go through a tree. */
  private static final int MAX_TAGS_SORTED_BY_INSERTION = 32;

  private static final String MISSING_FIELD_SET =
      "missing field set (a point needs at least one field)";

  /**
   * Characters up to {@code \} that can end or change a key: comma, space, equals sign, backslash
   * and carriage return (refused inside keys). Every other character, and every character after
   * {@code \} (letters, digits above it, {@code _}), is part of the key as it is.
   */
  private static final boolean[] KEY_SPECIAL = new boolean['\\' + 1];

  static {
    for (char c : new char[] {',', ' ', '=', '\\', '\r'}) {
      KEY_SPECIAL[c] = true;
    }
  }

  private final String body;

  private final Precision precision;
  private final long defaultTimestampNanos;
  private final StringBuilder scratch = new StringBuilder();

  /** Short texts already cut from this body, by a sample of their characters (see {@link #cut}). */
  private final String[] shared = new String[SHARED_SLOTS];

  private final SeenKeys tagKeys = new SeenKeys();
  private String[] tagValues = new String[16];
  private boolean tagsSorted;

  private final SeenKeys fieldKeys = new SeenKeys();
  private FieldValue[] fieldValues = new FieldValue[32];

  /** End of the line being parsed (exclusive), without the {@code \r} of a {@code \r\n}. */
  private int end;

  /** The {@code \n} that ends the line being parsed, or the body's length. */
  private int lineBreak;

  /** Whether the line ends where the caller said, strings or not (see {@link #parse}). */
  private boolean bounded;

  /** Whether a string value carried the line past its first {@code \n}. */
  private boolean extended;

  /** Whether a key scanned on this line holds a carriage return, which a point refuses. */
  private boolean carriageReturn;

  /** Where the value {@link #plainNumber} just read ends. */
  private int plainNumberEnd;

  /** Whether the text just scanned holds an escape, so that it has to be unescaped. */
  private boolean escaped;

  /**
   * Whether a field key appeared twice on this line: the point keeps the last value, and is encoded
   * from its fields rather than forwarded as received, so that what is written is what was parsed.
   */
  private boolean repeatedField;

  PointLineParser(String body, Precision precision, long defaultTimestampNanos) {
    this.body = body;
    this.precision = precision;
    this.defaultTimestampNanos = defaultTimestampNanos;
  }

  /**
   * Parses the line starting at {@code from}, a character other than space, tab or {@code #}.
   *
   * @param to the end of the line's first part: its first {@code \n}, or the body's end, less a
   *     {@code \r} just before it
   * @param newline that {@code \n}, or the body's length
   * @param bounded whether the line ends at {@code to} whatever it holds (a string value not closed
   *     before is unterminated), as when reading again a line found bad, within the bounds {@link
   *     LineSplitter} gives it
   * @throws LineSyntaxException when the line is not valid
   */
  Point parse(int from, int to, int newline, boolean bounded) throws LineSyntaxException {
    this.bounded = bounded;
    end = to;
    lineBreak = newline;
    extended = false;
    carriageReturn = false;
    if (body.charAt(from) == ',') {
      throw new LineSyntaxException("missing measurement (the line starts with \",\")");
    }
    int measurementEnd = scanKey(from, false);
    String measurement = key(from, measurementEnd, false);
    tagKeys.clear();
    tagsSorted = true;
    int i = measurementEnd;
    if (i < end && body.charAt(i) == ',') {
      i = parseTags(i + 1);
    }
    i = skipSpaces(i);
    if (i >= end) {
      throw new LineSyntaxException(MISSING_FIELD_SET);
    }
    fieldKeys.clear();
    repeatedField = false;
    int fieldsEnd = parseFields(i);
    long timestamp = parseTimestamp(fieldsEnd);
    if (carriageReturn) {
      throw refusedByPoint(measurement, timestamp);
    }
    if (repeatedField) {
      return new Point(measurement, tags(), fields(), timestamp);
    }
    return new Point(measurement, tags(), fields(), timestamp, body, from, fieldsEnd);
  }

  /** Index just past the last character of the line just parsed, without a final {@code \r}. */
  int end() {
    return end;
  }

  /** The {@code \n} that ends the line just parsed, or the body's length. */
  int lineBreak() {
    return lineBreak;
  }

  /** Whether the line just parsed holds line breaks inside string values. */
  boolean spansLines() {
    return extended;
  }

  /**
   * The reason a point gives for a key holding a carriage return, which it checks only when built
   * from maps it does not trust: the same words for any caller, on one printable line.
   */
  private LineSyntaxException refusedByPoint(String measurement, long timestamp) {
    try {
      new Point(measurement, new TreeMap<>(tags()), new LinkedHashMap<>(fields()), timestamp);
    } catch (IllegalArgumentException refused) {
      return new LineSyntaxException(refused.getMessage().replace("\r", "\\r"));
    }
    throw new IllegalStateException("a key with a carriage return was accepted by Point");
  }

  /** Reads {@code key=value[,key=value...]} up to the space before the fields. */
  private int parseTags(int i) throws LineSyntaxException {
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
      addTag(key, key(valueStart, valueEnd, true));
      if (valueEnd >= end) {
        throw new LineSyntaxException(MISSING_FIELD_SET);
      }
      if (body.charAt(valueEnd) == ' ') {
        return valueEnd;
      }
      i = valueEnd + 1;
    }
  }

  private void addTag(String key, String value) throws LineSyntaxException {
    int hash = key.hashCode();
    if (tagKeys.indexOf(key, hash) >= 0) {
      throw new LineSyntaxException("tag " + Snippet.quoted(key) + " appears more than once");
    }
    int count = tagKeys.size();
    if (count > 0 && tagsSorted && key.compareTo(tagKeys.key(count - 1)) < 0) {
      tagsSorted = false;
    }
    tagKeys.add(key, hash);
    if (count == tagValues.length) {
      tagValues = Arrays.copyOf(tagValues, count * 2);
    }
    tagValues[count] = value;
  }

  /** The tags read, sorted by key (senders usually sort them already). */
  private ParsedTags tags() {
    int count = tagKeys.size();
    if (count == 0) {
      return ParsedTags.EMPTY;
    }
    String[] pairs = new String[2 * count];
    if (!tagsSorted && count > MAX_TAGS_SORTED_BY_INSERTION) {
      var sorted = new TreeMap<String, String>();
      for (int i = 0; i < count; i++) {
        sorted.put(tagKeys.key(i), tagValues[i]);
      }
      int i = 0;
      for (var tag : sorted.entrySet()) {
        pairs[i++] = tag.getKey();
        pairs[i++] = tag.getValue();
      }
      return new ParsedTags(pairs);
    }
    for (int i = 0; i < count; i++) {
      pairs[2 * i] = tagKeys.key(i);
      pairs[2 * i + 1] = tagValues[i];
    }
    if (!tagsSorted) {
      sortPairs(pairs);
    }
    return new ParsedTags(pairs);
  }

  /** Sorts key-value pairs by key (all distinct) by insertion: the fastest way for a few. */
  private static void sortPairs(String[] pairs) {
    for (int i = 2; i < pairs.length; i += 2) {
      String key = pairs[i];
      String value = pairs[i + 1];
      int j = i - 2;
      while (j >= 0 && pairs[j].compareTo(key) > 0) {
        pairs[j + 2] = pairs[j];
        pairs[j + 3] = pairs[j + 1];
        j -= 2;
      }
      pairs[j + 2] = key;
      pairs[j + 3] = value;
    }
  }

  /** Reads {@code key=value[,key=value...]}; a key given twice keeps its last value. */
  private int parseFields(int i) throws LineSyntaxException {
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
        addField(key, new FieldValue.StringValue(unescapeString(valueStart + 1, valueEnd - 1)));
        if (valueEnd < end && !isSeparator(body.charAt(valueEnd))) {
          throw new LineSyntaxException(
              "unexpected text "
                  + Snippet.quoted(body, valueEnd, end)
                  + " after the closing quote of field "
                  + Snippet.quoted(key));
        }
      } else {
        FieldValue value = plainNumber(valueStart);
        if (value != null) {
          valueEnd = plainNumberEnd;
        } else {
          valueEnd = valueStart;
          while (valueEnd < end && !isSeparator(body.charAt(valueEnd))) {
            valueEnd++;
          }
          value = UnquotedValueParser.parse(body, valueStart, valueEnd, key);
        }
        addField(key, value);
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

  /**
   * Reads the most common field values, a float of at most {@value
   * UnquotedValueParser#FAST_PATH_MAX_DIGITS} digits without exponent ({@code -12.5}) or an integer
   * of as many digits ({@code 12i}), in the same pass that finds where they end, and sets {@link
   * #plainNumberEnd}. The result is exactly {@link UnquotedValueParser}'s (see its fast path). Null
   * for any other value, which {@link UnquotedValueParser} then reads.
   */
  private FieldValue plainNumber(int from) {
    int limit = end;
    int i = from;
    boolean negative = body.charAt(i) == '-';
    if (negative) {
      i++;
    }
    int digitsStart = i;
    int point = -1;
    long mantissa = 0;
    while (i < limit) {
      char c = body.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
      } else if (c == '.' && point < 0) {
        point = i;
      } else {
        break;
      }
      i++;
    }
    int digits = i - digitsStart - (point < 0 ? 0 : 1);
    if (digits == 0 || digits > UnquotedValueParser.FAST_PATH_MAX_DIGITS) {
      return null;
    }
    if (i == limit || isSeparator(body.charAt(i))) {
      plainNumberEnd = i;
      int fractionDigits = point < 0 ? 0 : i - point - 1;
      double value = mantissa / UnquotedValueParser.EXACT_POWERS_OF_TEN[fractionDigits];
      return new FieldValue.FloatValue(negative ? -value : value);
    }
    if (body.charAt(i) == 'i' && point < 0 && (i + 1 == limit || isSeparator(body.charAt(i + 1)))) {
      plainNumberEnd = i + 1;
      return new FieldValue.IntegerValue(negative ? -mantissa : mantissa);
    }
    return null;
  }

  /** Adds a field, or gives a key read before its new value in its first place. */
  private void addField(String key, FieldValue value) throws LineSyntaxException {
    int hash = key.hashCode();
    int known = fieldKeys.indexOf(key, hash);
    if (known >= 0) {
      FieldValue.checkRepeated(key, fieldValues[known], value);
      fieldValues[known] = value;
      repeatedField = true;
      return;
    }
    int count = fieldKeys.size();
    fieldKeys.add(key, hash);
    if (count == fieldValues.length) {
      fieldValues = Arrays.copyOf(fieldValues, count * 2);
    }
    fieldValues[count] = value;
  }

  private ParsedFields fields() {
    int count = fieldKeys.size();
    return new ParsedFields(fieldKeys.keysInOrder(), Arrays.copyOf(fieldValues, count));
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
    int rest = skipSpaces(stop);
    boolean negative = body.charAt(start) == '-';
    long small = UnquotedValueParser.smallNonNegative(body, negative ? start + 1 : start, stop);
    if (small >= 0 && rest >= end) {
      return checkedNanos(negative ? -small : small, start, stop);
    }
    int digits = negative ? start + 1 : start;
    boolean integer = digits < stop;
    for (int d = digits; d < stop && integer; d++) {
      char c = body.charAt(d);
      integer = c >= '0' && c <= '9';
    }
    if (!integer) {
      throw new LineSyntaxException(
          "timestamp " + Snippet.quoted(body, start, stop) + " is not an integer");
    }
    if (rest < end) {
      throw new LineSyntaxException(
          "unexpected text " + Snippet.quoted(body, rest, end) + " after the timestamp");
    }
    long value;
    try {
      value = Long.parseLong(body, start, stop, 10);
    } catch (NumberFormatException outOfRange) {
      throw timestampOutOfRange(start, stop);
    }
    return checkedNanos(value, start, stop);
  }

  private long checkedNanos(long value, int start, int stop) throws LineSyntaxException {
    try {
      long nanos = precision.toNanos(value);
      if (nanos >= MIN_NANOS && nanos <= MAX_NANOS) {
        return nanos;
      }
    } catch (ArithmeticException outOfRange) {
      // reported below, with the range InfluxDB accepts
    }
    throw timestampOutOfRange(start, stop);
  }

  private LineSyntaxException timestampOutOfRange(int start, int stop) {
    return new LineSyntaxException(
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
    boolean wasEscaped = false;
    int stop = end;
    while (i < stop) {
      char c = body.charAt(i);
      if (c > '\\' || !KEY_SPECIAL[c]) {
        i++;
      } else if (c == '\\') {
        if (i + 1 < stop && isEscapable(body.charAt(i + 1), withEquals)) {
          wasEscaped = true;
          i += 2;
        } else {
          i++;
        }
      } else if (c == '\r' || (c == '=' && !withEquals)) {
        carriageReturn |= c == '\r';
        i++;
      } else {
        break;
      }
    }
    escaped = wasEscaped;
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
    // A few characters and the length pick the slot: hashing every character costs as much as
    // the scan, and a text that shares a slot with another only costs a copy.
    int sample =
        length * 31 * 31 * 31
            + body.charAt(from) * 31 * 31
            + body.charAt(from + (length >> 1)) * 31
            + body.charAt(to - 1)
            + (body.charAt(Math.max(from, to - 2)) << 7);
    int slot = (sample ^ (sample >>> 10)) & (SHARED_SLOTS - 1);
    if (isShared(slot, from, length)) {
      return shared[slot];
    }
    String cutText = body.substring(from, to);
    shared[slot] = cutText;
    return cutText;
  }

  /** Whether the text at {@code slot} of the shared table is {@code body[from, from + length)}. */
  private boolean isShared(int slot, int from, int length) {
    String known = shared[slot];
    return known != null && known.length() == length && body.startsWith(known, from);
  }

  /**
   * The index of the quote that closes a string value whose text starts at {@code i}; sets {@link
   * #escaped} when the text holds a backslash. A string may run on past the line's {@code \n}: the
   * line then ends at the first {@code \n} after the closing quote.
   */
  private int closingQuote(int i, String field) throws LineSyntaxException {
    boolean wasEscaped = false;
    int limit = bounded ? end : body.length();
    while (i < limit) {
      char c = body.charAt(i);
      if (c == '"') {
        escaped = wasEscaped;
        if (i >= end) {
          extendLineAfter(i);
        }
        return i;
      }
      if (c == '\\') {
        wasEscaped = true;
        i += 2;
      } else {
        i++;
      }
    }
    throw new LineSyntaxException("unterminated quoted string in field " + Snippet.quoted(field));
  }

  /** Moves the end of the line to the first {@code \n} after {@code quote}. */
  private void extendLineAfter(int quote) {
    extended = true;
    int newline = body.indexOf('\n', quote + 1);
    lineBreak = newline < 0 ? body.length() : newline;
    end = body.charAt(lineBreak - 1) == '\r' ? lineBreak - 1 : lineBreak;
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
}
