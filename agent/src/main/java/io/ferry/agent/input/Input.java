package io.ferry.agent.input;

/**
 * One input of the agent: reads one thing (the operating system, one MySQL server, one access log,
 * ...) and hands what it read to an {@link Accumulator}. Each kind of input is described to the
 * agent by an {@link InputKind}.
 *
 * <p>{@link #collect} may block (JDBC, OSHI): the agent calls it on a worker pool, never on an
 * event loop, and never twice at the same time for the same input. An input keeps whatever state it
 * needs between calls (previous CPU ticks, previous counters).
 */
public interface Input extends AutoCloseable {

  /** A short name for logs and the agent's own metrics, e.g. {@code os} or {@code mysql:db1}. */
  String name();

  /**
   * Reads once. A value that could not be read is left out or reported with {@link
   * Accumulator#addError}; it is never written as a fake zero.
   *
   * @throws Exception when nothing could be read; the caller logs it, counts it and calls again at
   *     the next interval
   */
  void collect(Accumulator accumulator) throws Exception;

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
