package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/** Writes the {@code mem} point from physical memory and swap. */
final class OshiMemoryReader implements OsReader {

  private final GlobalMemory memory;

  OshiMemoryReader(GlobalMemory memory) {
    this.memory = memory;
  }

  @Override
  public String measurement() {
    return "mem";
  }

  @Override
  public void read(Accumulator out) {
    VirtualMemory swap = memory.getVirtualMemory();
    out.add(
        new MemorySample(
                memory.getTotal(), memory.getAvailable(), swap.getSwapTotal(), swap.getSwapUsed())
            .toPoint());
  }
}
