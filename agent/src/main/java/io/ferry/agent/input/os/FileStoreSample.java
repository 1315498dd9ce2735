package io.ferry.agent.input.os;

import io.ferry.lineprotocol.Point;

/**
 * Space on one mounted file system, as {@code statvfs} reports it.
 *
 * @param path where it is mounted
 * @param device the device or volume, e.g. {@code /dev/sda1}
 * @param type the file-system type, e.g. {@code ext4}
 * @param totalBytes size, in bytes
 * @param freeBytes free space including the blocks reserved for root, in bytes
 * @param usableBytes free space available to ordinary users, in bytes
 * @param totalInodes inodes; 0 when the file system has no fixed number (btrfs, some FUSE)
 * @param freeInodes free inodes
 */
public record FileStoreSample(
    String path,
    String device,
    String type,
    long totalBytes,
    long freeBytes,
    long usableBytes,
    long totalInodes,
    long freeInodes) {

  /**
   * The {@code disk} point, computed as {@code df} and Telegraf do: {@code free} is the space
   * ordinary users can still use, {@code used} is {@code total - free-including-reserved}, and
   * {@code used_percent} is {@code used / (used + free)}, so a disk whose reserve alone is left
   * reads 100 %. Inode fields are left out when the file system reports no inodes.
   */
  public Point toPoint() {
    long used = totalBytes - freeBytes;
    Point.Builder point =
        Point.builder("disk")
            .tag("path", path)
            .tag("device", device)
            .tag("fstype", type)
            .field("total", totalBytes)
            .field("free", usableBytes)
            .field("used", used);
    MemorySample.putPercent(point, "used_percent", used, used + usableBytes);
    if (totalInodes > 0) {
      point
          .field("inodes_total", totalInodes)
          .field("inodes_free", freeInodes)
          .field("inodes_used", totalInodes - freeInodes);
    }
    return point.build();
  }
}
