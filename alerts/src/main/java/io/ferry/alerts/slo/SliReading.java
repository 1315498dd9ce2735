package io.ferry.alerts.slo;

/** What an {@link Sli} read from one point: cumulative counts, or why there are none. */
public sealed interface SliReading {

  /**
   * Cumulative counts since the series' source started counting.
   *
   * @param good good events (requests that succeeded, observations under the threshold)
   * @param total all events
   */
  record Counts(double good, double total) implements SliReading {}

  /**
   * The point has no usable counts.
   *
   * @param problem for the operator, e.g. {@code no bucket le_0.3 in measurement
   *     http_request_duration}; it names no series, so that it is reported once per SLO
   */
  record Unreadable(String problem) implements SliReading {}
}
