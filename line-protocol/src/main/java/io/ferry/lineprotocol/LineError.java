package io.ferry.lineprotocol;

/**
 * Why one line of a line-protocol body was rejected.
 *
 * @param lineNumber 1-based number of the line in the body, counting every line (blank lines and
 *     comments included), as an editor would show it
 * @param reason what was wrong, in words a person can act on (e.g. {@code "field value 12x is not a
 *     number, boolean or quoted string"})
 * @param excerpt the start of the offending line (at most 120 characters), for the error message
 */
public record LineError(int lineNumber, String reason, String excerpt) {

  /** {@code line 3: reason (excerpt)}, the form used in HTTP error bodies and logs. */
  public String describe() {
    return "line " + lineNumber + ": " + reason + " (" + excerpt + ")";
  }
}
