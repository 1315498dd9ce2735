package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import io.ferry.agent.input.Input;
import java.util.List;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * The operating-system input, read through OSHI: {@code cpu}, {@code system}, {@code mem}, {@code
 * disk}, {@code diskio} and {@code net} points. One family failing is reported with {@link
 * Accumulator#addError} and the others are still read.
 */
public final class OshiOsInput implements Input {

  private final List<OsReader> readers;

  public OshiOsInput(OsInputConfig config) {
    SystemInfo system = new SystemInfo();
    HardwareAbstractionLayer hardware = system.getHardware();
    OperatingSystem os = system.getOperatingSystem();
    this.readers =
        List.of(
            new OshiCpuReader(hardware.getProcessor(), config.perCpu()),
            new OshiSystemReader(hardware.getProcessor(), os),
            new OshiMemoryReader(hardware.getMemory()),
            new OshiDiskReader(os.getFileSystem(), config.fsExcludeTypes()),
            new OshiDiskIoReader(hardware),
            new OshiNetReader(hardware, config.netIncludeLoopback()));
  }

  @Override
  public String name() {
    return "os";
  }

  @Override
  public void collect(Accumulator accumulator) {
    for (OsReader reader : readers) {
      try {
        reader.read(accumulator);
      } catch (RuntimeException e) {
        accumulator.addError(reader.measurement(), e);
      }
    }
  }
}
