package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OperatingSystem;

/** Writes the {@code system} point: load averages, CPU count, uptime, processes and threads. */
final class OshiSystemReader implements OsReader {

  private final CentralProcessor processor;
  private final OperatingSystem os;

  OshiSystemReader(CentralProcessor processor, OperatingSystem os) {
    this.processor = processor;
    this.os = os;
  }

  @Override
  public String measurement() {
    return "system";
  }

  @Override
  public void read(Accumulator out) {
    double[] load = processor.getSystemLoadAverage(3);
    out.add(
        new SystemSample(
                load[0],
                load[1],
                load[2],
                processor.getLogicalProcessorCount(),
                os.getSystemUptime(),
                os.getProcessCount(),
                os.getThreadCount())
            .toPoint());
  }
}
