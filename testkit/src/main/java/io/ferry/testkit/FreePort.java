package io.ferry.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a TCP port on 127.0.0.1 that nothing listens on at the moment of asking. */
final class FreePort {

  static final String LOOPBACK = "127.0.0.1";

  private FreePort() {}

  /**
   * Returns a port that was free an instant ago. Another process may take it before the server
   * binds it, so callers retry a start that failed with "address already in use".
   */
  static int pick() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }
}
