package io.ferry.agent.input.os;

import io.ferry.lineprotocol.Point;

/**
 * Cumulative I/O counters of one block device since boot ({@code /proc/diskstats} on Linux).
 *
 * @param name the device name, e.g. {@code sda}
 * @param reads completed reads
 * @param writes completed writes
 * @param readBytes bytes read
 * @param writeBytes bytes written
 * @param ioTimeMillis time the device was busy with I/O, in milliseconds
 * @param queueDepth I/O requests in progress at the moment of the poll (a gauge, not a counter)
 */
public record DiskIoSample(
    String name,
    long reads,
    long writes,
    long readBytes,
    long writeBytes,
    long ioTimeMillis,
    long queueDepth) {

  /** The {@code diskio} point. */
  public Point toPoint() {
    return Point.builder("diskio")
        .tag("name", name)
        .field("reads", reads)
        .field("writes", writes)
        .field("read_bytes", readBytes)
        .field("write_bytes", writeBytes)
        .field("io_time", ioTimeMillis)
        .field("queue_depth", queueDepth)
        .build();
  }
}
