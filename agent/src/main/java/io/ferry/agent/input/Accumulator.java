package io.ferry.agent.input;

import io.ferry.lineprotocol.Point;

/**
 * Receives what a {@link Input} read in one collection. Points without a timestamp get the time the
 * collection started; the agent adds its global tags ({@code host}, {@code cluster}, {@code role},
 * ...) to every point.
 */
public interface Accumulator {

  /** Adds one point. */
  void add(Point point);

  /**
   * Reports that part of an input could not be read, without failing the whole collection (for
   * example one query of the MySQL input). The agent logs it and counts it per input.
   */
  void addError(String what, Throwable cause);
}
