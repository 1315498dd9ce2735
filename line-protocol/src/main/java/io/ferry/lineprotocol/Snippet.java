package io.ferry.lineprotocol;

/** Short, printable quotations of body text for error reasons and excerpts. */
final class Snippet {

  /** Longest excerpt of a bad line, in characters. */
  static final int MAX_EXCERPT = 120;

  /** Longest quoted value inside a reason, in characters, before it is cut with an ellipsis. */
  private static final int MAX_QUOTED = 60;

  private Snippet() {}

  /**
   * The start of a line, at most {@link #MAX_EXCERPT} characters, cut at the first line break so
   * that a multi-line string value does not spill into a log line.
   */
  static String excerpt(String body, int from, int to) {
    int end = Math.min(to, from + MAX_EXCERPT);
    for (int i = from; i < end; i++) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r') {
        end = i;
        break;
      }
    }
    return body.substring(from, trimSplitSurrogate(body, from, end));
  }

  /** {@code text} in double quotes, shortened and with line breaks and tabs made visible. */
  static String quoted(CharSequence text) {
    return quoted(text, 0, text.length());
  }

  /** The region {@code [from, to)} of {@code text} in double quotes, as {@link #quoted}. */
  static String quoted(CharSequence text, int from, int to) {
    int end = Math.min(to, from + MAX_QUOTED);
    end = trimSplitSurrogate(text, from, end);
    var out = new StringBuilder(end - from + 8).append('"');
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    if (end < to) {
      out.append('…');
    }
    return out.append('"').toString();
  }

  private static int trimSplitSurrogate(CharSequence text, int from, int end) {
    if (end > from && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      return end - 1;
    }
    return end;
  }
}
