package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import java.util.Optional;
import oshi.hardware.CentralProcessor;

/**
 * Writes {@code cpu} points from the difference between this poll's CPU ticks and the previous
 * poll's, which it keeps; the first poll therefore writes nothing. Never uses OSHI's sleeping
 * {@code getSystemCpuLoad(delay)}.
 */
final class OshiCpuReader implements OsReader {

  private final CentralProcessor processor;
  private final boolean perCpu;
  private CpuTicks previousTotal;
  private CpuTicks[] previousPerCpu;

  OshiCpuReader(CentralProcessor processor, boolean perCpu) {
    this.processor = processor;
    this.perCpu = perCpu;
  }

  @Override
  public String measurement() {
    return "cpu";
  }

  @Override
  public void read(Accumulator out) {
    CpuTicks total = CpuTicks.fromOshi(processor.getSystemCpuLoadTicks());
    if (previousTotal != null) {
      CpuUsageCalculator.between(previousTotal, total)
          .ifPresent(usage -> out.add(usage.toPoint("cpu-total")));
    }
    previousTotal = total;
    if (perCpu) {
      readPerCpu(out);
    }
  }

  private void readPerCpu(Accumulator out) {
    long[][] raw = processor.getProcessorCpuLoadTicks();
    CpuTicks[] current = new CpuTicks[raw.length];
    for (int cpu = 0; cpu < raw.length; cpu++) {
      current[cpu] = CpuTicks.fromOshi(raw[cpu]);
      Optional<CpuUsage> usage =
          previousPerCpu != null && cpu < previousPerCpu.length
              ? CpuUsageCalculator.between(previousPerCpu[cpu], current[cpu])
              : Optional.empty();
      String tag = "cpu" + cpu;
      usage.ifPresent(u -> out.add(u.toPoint(tag)));
    }
    previousPerCpu = current;
  }
}
