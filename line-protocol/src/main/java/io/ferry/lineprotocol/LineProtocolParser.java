package io.ferry.lineprotocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses InfluxDB line protocol with InfluxDB's own semantics:
 *
 * <pre>
 * measurement[,tag_key=tag_value...] field_key=field_value[,field_key=field_value...] [timestamp]
 * </pre>
 *
 * <ul>
 *   <li>Lines end at {@code \n} (a {@code \r} before it is dropped), except inside a quoted string
 *       field value, which may span lines. Blank lines and lines whose first non-blank character is
 *       {@code #} are skipped but counted, so line numbers in errors are those an editor shows.
 *   <li>Escapes: {@code \,} and {@code \ } in the measurement; also {@code \=} in tag keys, tag
 *       values and field keys; {@code \"} and {@code \\} in string field values. A backslash before
 *       any other character is kept as it is.
 *   <li>Field values: float ({@code 1}, {@code -1.5}, {@code 1e10}, {@code .5}), integer ({@code
 *       12i}, 64-bit signed), unsigned ({@code 12u}, 0 to 2^64-1), boolean ({@code t T true True
 *       TRUE f F false False FALSE}) or a double-quoted string. A field key given twice keeps its
 *       last value; a tag key given twice is an error.
 *   <li>The timestamp is an optional integer in the body's {@link Precision}; it must fall within
 *       the times InfluxDB stores (1677-09-21 to 2262-04-11). Lines without one get the default.
 * </ul>
 *
 * <p>A bad line does not stop the parse: it becomes a {@link LineError} and the next line is read,
 * so a body yields the points of all its good lines.
 */
public final class LineProtocolParser {

  private LineProtocolParser() {}

  /**
   * Parses a whole body.
   *
   * @param body the request body, lines separated by {@code \n} (a {@code \r} before it is
   *     ignored); blank lines and lines starting with {@code #} are skipped
   * @param precision the unit of the timestamps in the body
   * @param defaultTimestampNanos the time, in nanoseconds since the epoch, given to lines without a
   *     timestamp
   * @return the points of the good lines in body order, and one error per bad line
   */
  public static ParseResult parse(String body, Precision precision, long defaultTimestampNanos) {
    return parse(body, precision, defaultTimestampNanos, ParseRules.NONE);
  }

  /**
   * Parses a whole body, refusing lines longer than the rules allow and points the rules' check
   * refuses, each as a {@link LineError} naming its line.
   *
   * @see #parse(String, Precision, long)
   */
  public static ParseResult parse(
      String body, Precision precision, long defaultTimestampNanos, ParseRules rules) {
    var parser = new PointLineParser(body, precision, defaultTimestampNanos);
    List<Point> points = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    int length = body.length();
    int maxLength = rules.maxLineLength();
    int lineNumber = 1;
    int position = 0;
    long forwardedChars = 0;
    while (position < length) {
      int newline = body.indexOf('\n', position);
      if (newline < 0) {
        newline = length;
      }
      int end = withoutCarriageReturn(body, position, newline);
      int start = skipBlanks(body, position, end);
      if (start == end || body.charAt(start) == '#') {
        lineNumber++;
        position = newline + 1;
        continue;
      }
      Point point = null;
      String refusal = null;
      boolean spansLines = true;
      if (end - start <= maxLength) {
        try {
          point = parser.parse(start, end, newline, false);
          newline = parser.lineBreak();
          end = parser.end();
          spansLines = parser.spansLines();
        } catch (LineSyntaxException notParsed) {
          // read again below, within the bounds the line has by itself
        }
      }
      if (point == null) {
        // A bad line ends at the first \n outside what looks like a string value, and its reason
        // is the one given within those bounds.
        newline = LineSplitter.lineBreak(body, start);
        end = withoutCarriageReturn(body, start, newline);
        if (end - start <= maxLength) {
          try {
            point = parser.parse(start, end, newline, true);
          } catch (LineSyntaxException e) {
            refusal = e.getMessage();
          }
        }
      }
      if (end - start > maxLength) {
        point = null;
        refusal = "line is " + (end - start) + " characters long; the limit is " + maxLength;
      }
      if (point != null) {
        try {
          Point kept = rules.pointRule().check(point);
          points.add(kept);
          if (kept.hasSource()) {
            forwardedChars += newline + 1 - start;
          }
        } catch (PointRefusedException e) {
          refusal = e.getMessage();
        }
      }
      if (refusal != null) {
        errors.add(new LineError(lineNumber, refusal, Snippet.excerpt(body, start, end)));
      }
      lineNumber += 1 + (spansLines ? LineSplitter.lineBreaksWithin(body, start, newline) : 0);
      position = newline + 1;
    }
    if (2 * forwardedChars < length) {
      points = withCompactSources(points);
    }
    return new ParseResult(points, errors);
  }

  /**
   * The points with one copy of just their lines' text as their source, instead of a body that is
   * mostly something else (comments, refused lines): a point read from a body must not keep more
   * than about twice its body's accepted lines alive.
   */
  private static List<Point> withCompactSources(List<Point> points) {
    long sourceChars = 0;
    for (Point point : points) {
      sourceChars += point.sourceLength();
    }
    var text = new StringBuilder((int) sourceChars);
    int[] starts = new int[points.size()];
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      if (point.hasSource()) {
        starts[i] = text.length();
        point.appendSource(text);
      }
    }
    String compact = text.toString();
    List<Point> moved = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      moved.add(point.hasSource() ? point.withSourceAt(compact, starts[i]) : point);
    }
    return moved;
  }

  /** {@code newline}, or the index of the {@code \r} just before it after {@code lineStart}. */
  private static int withoutCarriageReturn(String body, int lineStart, int newline) {
    return newline > lineStart && body.charAt(newline - 1) == '\r' ? newline - 1 : newline;
  }

  private static int skipBlanks(String body, int i, int end) {
    while (i < end && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
