package io.ferry.agent.input.os;

import java.util.List;

/**
 * The {@code inputs.os} section: the operating-system input (CPU, load, memory, disks, network).
 *
 * @param enabled whether the input runs (default true)
 * @param perCpu whether to write one {@code cpu} point per logical CPU ({@code cpu=cpu0..N}) in
 *     addition to {@code cpu=cpu-total} (default false)
 * @param fsExcludeTypes file-system types left out of {@code disk} (default: pseudo and in-memory
 *     file systems, see {@link #DEFAULT_FS_EXCLUDE_TYPES})
 * @param netIncludeLoopback whether the loopback interface appears in {@code net} (default false)
 */
public record OsInputConfig(
    boolean enabled, boolean perCpu, List<String> fsExcludeTypes, boolean netIncludeLoopback) {

  public static final boolean DEFAULT_ENABLED = true;
  public static final boolean DEFAULT_PER_CPU = false;
  public static final boolean DEFAULT_NET_INCLUDE_LOOPBACK = false;

  /** File systems that hold no user data on disk, or are views of other file systems. */
  public static final List<String> DEFAULT_FS_EXCLUDE_TYPES =
      List.of(
          "tmpfs",
          "devtmpfs",
          "devfs",
          "overlay",
          "squashfs",
          "proc",
          "sysfs",
          "cgroup",
          "cgroup2",
          "autofs",
          "mqueue",
          "debugfs",
          "tracefs",
          "securityfs",
          "pstore",
          "bpf",
          "configfs",
          "fusectl",
          "hugetlbfs",
          "binfmt_misc",
          "nsfs",
          "ramfs",
          "rpc_pipefs",
          "efivarfs",
          "iso9660");

  public OsInputConfig {
    fsExcludeTypes = List.copyOf(fsExcludeTypes);
  }

  /** The input with every option at its default. */
  public static OsInputConfig defaults() {
    return new OsInputConfig(
        DEFAULT_ENABLED, DEFAULT_PER_CPU, DEFAULT_FS_EXCLUDE_TYPES, DEFAULT_NET_INCLUDE_LOOPBACK);
  }
}
