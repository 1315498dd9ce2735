package io.ferry.lineprotocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The parser as it was before it read each line in one pass: {@link ReferenceLineSplitter} first
 * walks a line holding quotes to find its end, then {@link ReferencePointLineParser} parses it with
 * {@code String.charAt}, the JDK's maps and {@link Point}'s checks. Kept unchanged as the reference
 * that {@link LineProtocolPropertyTest} compares {@link LineProtocolParser} with, point for point
 * and reason for reason.
 */
final class ReferenceLineProtocolParser {

  private ReferenceLineProtocolParser() {}

  static ParseResult parse(
      String body, Precision precision, long defaultTimestampNanos, ParseRules rules) {
    var lines = new ReferenceLineSplitter(body);
    var parser = new ReferencePointLineParser(body, precision, defaultTimestampNanos);
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
