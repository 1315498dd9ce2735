package io.ferry.lineprotocol;

/**
 * What a parse accepts beyond the syntax.
 *
 * @param maxLineLength the longest line, in characters; a longer one is refused without being
 *     parsed
 * @param pointRule the check every parsed point must pass
 */
public record ParseRules(int maxLineLength, PointRule pointRule) {

  /** Lines of any length, every well-formed point accepted. */
  public static final ParseRules NONE = new ParseRules(Integer.MAX_VALUE, PointRule.NONE);

  public ParseRules {
    if (maxLineLength < 1) {
      throw new IllegalArgumentException("maxLineLength must be positive: " + maxLineLength);
    }
  }
}
