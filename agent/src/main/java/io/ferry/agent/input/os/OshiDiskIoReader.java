package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;

/** Writes one {@code diskio} point per block device OSHI lists. */
final class OshiDiskIoReader implements OsReader {

  private final HardwareAbstractionLayer hardware;

  OshiDiskIoReader(HardwareAbstractionLayer hardware) {
    this.hardware = hardware;
  }

  @Override
  public String measurement() {
    return "diskio";
  }

  @Override
  public void read(Accumulator out) {
    for (HWDiskStore disk : hardware.getDiskStores()) {
      out.add(
          new DiskIoSample(
                  disk.getName(),
                  disk.getReads(),
                  disk.getWrites(),
                  disk.getReadBytes(),
                  disk.getWriteBytes(),
                  disk.getTransferTime(),
                  disk.getCurrentQueueLength())
              .toPoint());
    }
  }
}
