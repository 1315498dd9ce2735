package io.ferry.lineprotocol;

/**
 * Finds where a line ends when the parser could not read it: at a {@code \n} that is not inside a
 * quoted string field value (InfluxDB lets a string value span lines). A line the parser reads
 * whole ends where the parser stopped, and this walk is not needed.
 *
 * <p>A quote opens a string only where a field value starts: directly after an unescaped {@code =}
 * past the first unescaped space. Inside a string a backslash escapes the next character; outside
 * one only a comma, equals sign or space, as {@link PointLineParser} reads it, so a {@code \n}
 * outside a string always ends the line. Comment lines never open a string, so one stray quote
 * cannot swallow the rest of the body.
 */
final class LineSplitter {

  private LineSplitter() {}

  /**
   * The index of the {@code \n} (or the body's end) that ends the line starting at {@code start}.
   */
  static int lineBreak(String body, int start) {
    int length = body.length();
    int i = start;
    while (i < length && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
      i++;
    }
    if (i < length && body.charAt(i) == '#') {
      int newline = body.indexOf('\n', i);
      return newline < 0 ? length : newline;
    }
    boolean inFields = false;
    boolean afterEquals = false;
    while (i < length) {
      char c = body.charAt(i);
      if (c == '\n') {
        return i;
      }
      if (c == '\\' && i + 1 < length && isEscapable(body.charAt(i + 1))) {
        afterEquals = false;
        i += 2;
        continue;
      }
      if (c == '"' && afterEquals) {
        i = endOfString(body, i + 1);
        afterEquals = false;
        continue;
      }
      if (c == ' ') {
        inFields = true;
      }
      afterEquals = inFields && c == '=';
      i++;
    }
    return length;
  }

  /** How many {@code \n} lie in {@code body[from, to)}: line breaks inside string values. */
  static int lineBreaksWithin(String body, int from, int to) {
    int count = 0;
    for (int i = body.indexOf('\n', from); i >= 0 && i < to; i = body.indexOf('\n', i + 1)) {
      count++;
    }
    return count;
  }

  /** Whether a backslash before {@code c} escapes it outside string values. */
  private static boolean isEscapable(char c) {
    return c == ',' || c == '=' || c == ' ';
  }

  /** The index just past the closing quote of a string starting at {@code i}, or the body end. */
  private static int endOfString(String body, int i) {
    int length = body.length();
    while (i < length) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < length) {
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      i++;
    }
    return length;
  }
}
