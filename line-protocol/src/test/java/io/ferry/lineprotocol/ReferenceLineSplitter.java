package io.ferry.lineprotocol;

/**
 * Part of {@link ReferenceLineProtocolParser} (the parser as it was, kept as a reference): Walks a
 * body line by line, where a line ends at a {@code \n} that is not inside a quoted string field
 * value (InfluxDB lets a string value span lines). Blank lines and comments are lines too, so that
 * line numbers match what an editor shows.
 *
 * <p>A quote opens a string only where a field value starts: directly after an unescaped {@code =}
 * past the first unescaped space. Inside a string a backslash escapes the next character; outside
 * one only a comma, equals sign or space, as {@link PointLineParser} reads it, so a {@code \n}
 * outside a string always ends the line. Comment lines never open a string, so one stray quote
 * cannot swallow the rest of the body.
 */
final class ReferenceLineSplitter {

  private final String body;
  private int nextStart;
  private int nextLineNumber = 1;
  private int nextQuote = -1;
  private int breaksInsideStrings;

  private int start;
  private int end;
  private int lineNumber;

  ReferenceLineSplitter(String body) {
    this.body = body;
  }

  /** Moves to the next line; false at the end of the body. */
  boolean advance() {
    int length = body.length();
    if (nextStart >= length) {
      return false;
    }
    start = nextStart;
    lineNumber = nextLineNumber;
    int newline = body.indexOf('\n', start);
    if (newline < 0) {
      newline = length;
    }
    int breaksInside = 0;
    if (hasQuoteBefore(newline)) {
      newline = endOfLineWithQuotes();
      breaksInside = breaksInsideStrings;
    }
    end = newline > start && body.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    nextStart = newline + 1;
    nextLineNumber = lineNumber + 1 + breaksInside;
    return true;
  }

  /** Index of the first character of the current line. */
  int start() {
    return start;
  }

  /** Index just past the last character of the current line, without {@code \r\n}. */
  int end() {
    return end;
  }

  /** 1-based number of the (first) line of the current line in the body. */
  int lineNumber() {
    return lineNumber;
  }

  /**
   * Whether a double quote occurs in {@code [start, limit)}. The position of the next quote is
   * remembered, so a body without quotes is searched once, not once per line.
   */
  private boolean hasQuoteBefore(int limit) {
    if (nextQuote < start) {
      int found = body.indexOf('"', start);
      nextQuote = found < 0 ? body.length() : found;
    }
    return nextQuote < limit;
  }

  /** The index of the {@code \n} (or body end) that ends the line at {@link #start}. */
  private int endOfLineWithQuotes() {
    breaksInsideStrings = 0;
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
        i = endOfString(i + 1);
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

  /** Whether a backslash before {@code c} escapes it outside string values. */
  private static boolean isEscapable(char c) {
    return c == ',' || c == '=' || c == ' ';
  }

  /** The index just past the closing quote of a string starting at {@code i}, or the body end. */
  private int endOfString(int i) {
    int length = body.length();
    while (i < length) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < length) {
        if (body.charAt(i + 1) == '\n') {
          breaksInsideStrings++;
        }
        i += 2;
        continue;
      }
      if (c == '"') {
        return i + 1;
      }
      if (c == '\n') {
        breaksInsideStrings++;
      }
      i++;
    }
    return length;
  }
}
