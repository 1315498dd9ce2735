package io.ferry.agent.input.os;

import oshi.hardware.CentralProcessor.TickType;

/**
 * Cumulative CPU time counters of one CPU (or all CPUs together) since boot, in the kernel's clock
 * ticks (on Linux OSHI reads them from {@code /proc/stat}, scaled to milliseconds).
 */
public record CpuTicks(
    long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {

  /** Reads the array OSHI returns, indexed by {@link TickType#getIndex()}. */
  public static CpuTicks fromOshi(long[] ticks) {
    return new CpuTicks(
        ticks[TickType.USER.getIndex()],
        ticks[TickType.NICE.getIndex()],
        ticks[TickType.SYSTEM.getIndex()],
        ticks[TickType.IDLE.getIndex()],
        ticks[TickType.IOWAIT.getIndex()],
        ticks[TickType.IRQ.getIndex()],
        ticks[TickType.SOFTIRQ.getIndex()],
        ticks[TickType.STEAL.getIndex()]);
  }

  /** The sum of all counters. */
  public long total() {
    return user + nice + system + idle + iowait + irq + softirq + steal;
  }
}
