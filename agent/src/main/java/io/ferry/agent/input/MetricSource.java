package io.ferry.agent.input;

/**
 * One input of the agent: reads one source (the operating system, one MySQL server, ...) and hands
 * what it read to an {@link Accumulator}.
 *
 * <p>{@link #collect} may block (JDBC, OSHI): the agent calls it on a worker pool, never on an
 * event loop, and never twice at the same time for the same source. A source keeps whatever state
 * it needs between calls (previous CPU ticks, previous counters).
 */
public interface MetricSource extends AutoCloseable {

  /** A short name for logs and the agent's own metrics, e.g. {@code os} or {@code mysql:db1}. */
  String name();

  /**
   * Reads the source once. A value that could not be read is left out or reported with {@link
   * Accumulator#addError}; it is never written as a fake zero.
   *
   * @throws Exception when the whole source could not be read; the caller logs it, counts it and
   *     calls again at the next interval
   */
  void collect(Accumulator accumulator) throws Exception;

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
