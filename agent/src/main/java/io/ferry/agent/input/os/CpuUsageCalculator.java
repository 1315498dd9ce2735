package io.ferry.agent.input.os;

import java.util.Optional;

/** Turns two samples of cumulative CPU ticks into percentages of the time between them. */
public final class CpuUsageCalculator {

  private CpuUsageCalculator() {}

  /**
   * The share of each kind of CPU time between two samples.
   *
   * @return empty when no time passed between them or a counter went backwards (the CPU went
   *     offline, or the counters were reset), since no honest percentage exists then
   */
  public static Optional<CpuUsage> between(CpuTicks previous, CpuTicks current) {
    long user = current.user() - previous.user();
    long nice = current.nice() - previous.nice();
    long system = current.system() - previous.system();
    long idle = current.idle() - previous.idle();
    long iowait = current.iowait() - previous.iowait();
    long irq = current.irq() - previous.irq();
    long softirq = current.softirq() - previous.softirq();
    long steal = current.steal() - previous.steal();
    if (user < 0
        || nice < 0
        || system < 0
        || idle < 0
        || iowait < 0
        || irq < 0
        || softirq < 0
        || steal < 0) {
      return Optional.empty();
    }
    double total = user + nice + system + idle + iowait + irq + softirq + steal;
    if (total <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new CpuUsage(
            100 * user / total,
            100 * nice / total,
            100 * system / total,
            100 * idle / total,
            100 * iowait / total,
            100 * irq / total,
            100 * softirq / total,
            100 * steal / total));
  }
}
