package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;
import java.net.NetworkInterface;
import java.net.SocketException;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;

/** Writes one {@code net} point per network interface, loopback left out unless asked for. */
final class OshiNetReader implements OsReader {

  private final HardwareAbstractionLayer hardware;
  private final boolean includeLoopback;

  OshiNetReader(HardwareAbstractionLayer hardware, boolean includeLoopback) {
    this.hardware = hardware;
    this.includeLoopback = includeLoopback;
  }

  @Override
  public String measurement() {
    return "net";
  }

  @Override
  public void read(Accumulator out) {
    for (NetworkIF net : hardware.getNetworkIFs(true)) {
      if (!includeLoopback && isLoopback(net)) {
        continue;
      }
      out.add(
          new NetSample(
                  net.getName(),
                  net.getBytesRecv(),
                  net.getBytesSent(),
                  net.getPacketsRecv(),
                  net.getPacketsSent(),
                  net.getInErrors(),
                  net.getOutErrors(),
                  net.getInDrops())
              .toPoint());
    }
  }

  private static boolean isLoopback(NetworkIF net) {
    NetworkInterface java = net.queryNetworkInterface();
    try {
      return java != null ? java.isLoopback() : net.getName().equals("lo");
    } catch (SocketException e) {
      return net.getName().equals("lo");
    }
  }
}
