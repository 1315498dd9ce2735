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
    var lines = new LineSplitter(body);
    var parser = new PointLineParser(body, precision, defaultTimestampNanos);
    List<Point> points = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    while (lines.advance()) {
      int start = skipBlanks(body, lines.start(), lines.end());
      if (start == lines.end() || body.charAt(start) == '#') {
        continue;
      }
      int length = lines.end() - start;
      if (length > rules.maxLineLength()) {
        errors.add(
            new LineError(
                lines.lineNumber(),
                "line is " + length + " characters long; the limit is " + rules.maxLineLength(),
                Snippet.excerpt(body, start, lines.end())));
        continue;
      }
      try {
        points.add(rules.pointRule().check(parser.parse(start, lines.end())));
      } catch (LineSyntaxException | PointRefusedException e) {
        errors.add(
            new LineError(
                lines.lineNumber(), e.getMessage(), Snippet.excerpt(body, start, lines.end())));
      }
    }
    return new ParseResult(points, errors);
  }

  private static int skipBlanks(String body, int i, int end) {
    while (i < end && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
