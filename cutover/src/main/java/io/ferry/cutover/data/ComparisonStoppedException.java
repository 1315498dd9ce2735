package io.ferry.cutover.data;

/**
 * The data comparison had to stop a table before it could decide: the servers stayed overloaded, or
 * one side did not catch up with the other in time. The message says which and for how long.
 */
public final class ComparisonStoppedException extends Exception {

  /**
   * @param message what stopped the comparison, for the report
   */
  public ComparisonStoppedException(String message) {
    super(message);
  }
}
