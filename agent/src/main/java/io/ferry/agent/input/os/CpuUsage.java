package io.ferry.agent.input.os;

import io.ferry.lineprotocol.Point;

/**
 * How one CPU's time was spent between two polls, each part in percent (0..100, summing to 100).
 */
public record CpuUsage(
    double user,
    double nice,
    double system,
    double idle,
    double iowait,
    double irq,
    double softirq,
    double steal) {

  /**
   * The {@code cpu} point.
   *
   * @param cpu the {@code cpu} tag: {@code cpu-total} or {@code cpu0..N}
   */
  public Point toPoint(String cpu) {
    return Point.builder("cpu")
        .tag("cpu", cpu)
        .field("usage_user", user)
        .field("usage_nice", nice)
        .field("usage_system", system)
        .field("usage_idle", idle)
        .field("usage_iowait", iowait)
        .field("usage_irq", irq)
        .field("usage_softirq", softirq)
        .field("usage_steal", steal)
        .build();
  }
}
