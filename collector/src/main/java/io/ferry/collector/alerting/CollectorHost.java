package io.ferry.collector.alerting;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The collector's host name, for the {@code host} tag of its own points. */
public final class CollectorHost {

  private CollectorHost() {}

  /** The machine's host name, or {@code collector} when it cannot be found. */
  public static String name() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name == null || name.isBlank() ? "collector" : name;
    } catch (UnknownHostException e) {
      return "collector";
    }
  }
}
