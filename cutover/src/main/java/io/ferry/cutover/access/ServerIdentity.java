package io.ferry.cutover.access;

import java.util.Optional;

/**
 * What makes a server itself, whatever address it was reached through: MySQL's
 * {@code @@server_uuid}, or (MariaDB has none) {@code @@hostname}, {@code @@port} and
 * {@code @@server_id} together. Two servers of one replication topology never share a server id,
 * and two servers of one host never share a port.
 *
 * @param serverUuid {@code @@server_uuid}, empty on MariaDB
 * @param hostname {@code @@hostname}
 * @param port {@code @@port}
 * @param serverId {@code @@server_id}
 */
public record ServerIdentity(
    Optional<String> serverUuid, String hostname, int port, long serverId) {

  /** Whether both identities name one server. */
  public boolean sameServerAs(ServerIdentity other) {
    if (serverUuid.isPresent() && other.serverUuid.isPresent()) {
      return serverUuid.get().equalsIgnoreCase(other.serverUuid.get());
    }
    return hostname.equalsIgnoreCase(other.hostname)
        && port == other.port
        && serverId == other.serverId;
  }

  /** {@code hostname:port, server_id N} (and the uuid when there is one), for messages. */
  public String describe() {
    return hostname
        + ":"
        + port
        + ", server_id "
        + serverId
        + serverUuid.map(uuid -> ", server_uuid " + uuid).orElse("");
  }
}
