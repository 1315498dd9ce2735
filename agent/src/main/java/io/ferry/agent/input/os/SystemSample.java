package io.ferry.agent.input.os;

import io.ferry.lineprotocol.Point;

/**
 * Whole-system figures of one poll.
 *
 * @param load1 1-minute load average; negative when the platform does not give it
 * @param load5 5-minute load average; negative when unavailable
 * @param load15 15-minute load average; negative when unavailable
 * @param cpus number of logical CPUs
 * @param uptimeSeconds time since boot, in seconds
 * @param processes number of processes
 * @param threads number of threads
 */
public record SystemSample(
    double load1,
    double load5,
    double load15,
    int cpus,
    long uptimeSeconds,
    int processes,
    int threads) {

  /** The {@code system} point; load averages that are unavailable are left out. */
  public Point toPoint() {
    Point.Builder point = Point.builder("system");
    putLoad(point, "load1", load1);
    putLoad(point, "load5", load5);
    putLoad(point, "load15", load15);
    return point
        .field("n_cpus", (long) cpus)
        .field("uptime", uptimeSeconds)
        .field("processes", (long) processes)
        .field("threads", (long) threads)
        .build();
  }

  private static void putLoad(Point.Builder point, String field, double value) {
    if (value >= 0 && Double.isFinite(value)) {
      point.field(field, value);
    }
  }
}
