package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import java.util.Locale;
import java.util.Set;
import oshi.software.os.FileSystem;
import oshi.software.os.OSFileStore;

/**
 * Writes one {@code disk} point per local file system, leaving out the excluded types and file
 * systems of size 0. Network file systems are not read: a hung NFS server would stall the input.
 */
final class OshiDiskReader implements OsReader {

  private final FileSystem fileSystem;
  private final Set<String> excludedTypes;

  OshiDiskReader(FileSystem fileSystem, Iterable<String> excludedTypes) {
    this.fileSystem = fileSystem;
    var types = new java.util.HashSet<String>();
    excludedTypes.forEach(type -> types.add(type.toLowerCase(Locale.ROOT)));
    this.excludedTypes = Set.copyOf(types);
  }

  @Override
  public String measurement() {
    return "disk";
  }

  @Override
  public void read(Accumulator out) {
    for (OSFileStore store : fileSystem.getFileStores(true)) {
      if (store.getTotalSpace() <= 0
          || excludedTypes.contains(store.getType().toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(
          new FileStoreSample(
                  store.getMount(),
                  store.getVolume(),
                  store.getType(),
                  store.getTotalSpace(),
                  store.getFreeSpace(),
                  store.getUsableSpace(),
                  store.getTotalInodes(),
                  store.getFreeInodes())
              .toPoint());
    }
  }
}
