package io.ferry.collector.cluster;

import java.util.Optional;

/**
 * A collector's address in the cluster: the host others reach it at and its Hazelcast port.
 *
 * @param host a host name or IP address
 * @param port the TCP port Hazelcast listens on
 */
public record ClusterAddress(String host, int port) {

  /** The port when an address names none: 5701, Hazelcast's own default. */
  public static final int DEFAULT_PORT = 5701;

  /** Parses {@code host:port} or {@code host}; empty when the text is not such an address. */
  public static Optional<ClusterAddress> parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty() || trimmed.contains("/") || trimmed.contains(" ")) {
      return Optional.empty();
    }
    int colon = trimmed.lastIndexOf(':');
    if (colon < 0) {
      return Optional.of(new ClusterAddress(trimmed, DEFAULT_PORT));
    }
    String host = trimmed.substring(0, colon);
    if (host.isEmpty() || host.contains(":")) {
      return Optional.empty();
    }
    try {
      int port = Integer.parseInt(trimmed.substring(colon + 1));
      return port < 1 || port > 65535
          ? Optional.empty()
          : Optional.of(new ClusterAddress(host, port));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
