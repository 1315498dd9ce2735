package io.ferry.cutover.check;

import io.ferry.cutover.Node;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one server says about itself: flavour, the global variables replication checks need and its
 * replica channels.
 *
 * @param node the node
 * @param mariaDb whether the server is MariaDB (otherwise MySQL)
 * @param variables global variables by lower-case name
 * @param channels its replication channels, empty when it replicates from nobody
 * @param heartbeat the pt-heartbeat table as this server sees it; empty when it has none
 */
public record NodeFacts(
    Node node,
    boolean mariaDb,
    Map<String, String> variables,
    List<ReplicaChannel> channels,
    Optional<HeartbeatAges> heartbeat) {

  public NodeFacts {
    variables = Map.copyOf(variables);
    channels = List.copyOf(channels);
    heartbeat = heartbeat == null ? Optional.empty() : heartbeat;
  }

  /** A variable's value, absent when the server does not have it. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Whether a boolean variable is ON (or 1). */
  public boolean isOn(String name) {
    return variable(name).map(v -> v.equalsIgnoreCase("ON") || v.equals("1")).orElse(false);
  }

  /** Whether the server accepts writes from ordinary users. */
  public boolean writable() {
    return !isOn("read_only") && !isOn("super_read_only");
  }

  /** An integer variable. */
  public Optional<Long> number(String name) {
    return variable(name).map(v -> Long.parseLong(v.strip()));
  }
}
