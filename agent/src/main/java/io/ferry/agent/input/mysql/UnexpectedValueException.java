package io.ferry.agent.input.mysql;

/**
 * A server answered with a value the agent cannot read (a counter that is not a number, a thread
 * state it does not know). The value is left out and reported; it is never turned into a zero.
 */
final class UnexpectedValueException extends RuntimeException {

  public UnexpectedValueException(String column, String value, String problem) {
    super("column " + column + ": '" + value + "' " + problem);
  }

  /** For an answer of the wrong shape, e.g. two rows where one was expected. */
  public UnexpectedValueException(String message) {
    super(message);
  }
}
