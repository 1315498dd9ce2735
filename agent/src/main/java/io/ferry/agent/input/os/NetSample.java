package io.ferry.agent.input.os;

import io.ferry.lineprotocol.Point;

/**
 * Cumulative counters of one network interface since it came up ({@code /proc/net/dev} on Linux).
 *
 * @param name the interface, e.g. {@code eth0}
 * @param bytesRecv bytes received
 * @param bytesSent bytes sent
 * @param packetsRecv packets received
 * @param packetsSent packets sent
 * @param errIn receive errors
 * @param errOut transmit errors
 * @param dropIn received packets dropped
 */
public record NetSample(
    String name,
    long bytesRecv,
    long bytesSent,
    long packetsRecv,
    long packetsSent,
    long errIn,
    long errOut,
    long dropIn) {

  /** The {@code net} point. */
  public Point toPoint() {
    return Point.builder("net")
        .tag("interface", name)
        .field("bytes_recv", bytesRecv)
        .field("bytes_sent", bytesSent)
        .field("packets_recv", packetsRecv)
        .field("packets_sent", packetsSent)
        .field("err_in", errIn)
        .field("err_out", errOut)
        .field("drop_in", dropIn)
        .build();
  }
}
