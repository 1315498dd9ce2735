package io.ferry.collector.config;

import io.ferry.collector.compare.MySqlDsn;
import io.ferry.cutover.Node;
import io.ferry.cutover.NodeRole;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of the cutover comparison ({@code compare.old} or {@code compare.new}).
 *
 * @param primary the side's primary ({@code primary}), as {@code mysql://user@host:port}; required
 * @param replicas the side's replicas ({@code replicas}), same form; default none
 * @param password the password for every node of the side ({@code password}, or read from the file
 *     named by {@code password_file}); null when the DSNs carry their own or none is needed. A
 *     password written in a DSN wins for that node. Never shown by {@link #toString()}.
 */
public record ClusterConfig(MySqlDsn primary, List<MySqlDsn> replicas, String password) {

  public ClusterConfig {
    replicas = List.copyOf(replicas);
  }

  /**
   * The side's nodes, primary first, named {@code <side>-primary}, {@code <side>-replica-1}, ... as
   * {@code ferry compare} names them.
   *
   * @param side {@code old} or {@code new}
   */
  public List<Node> nodes(String side) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(node(side + "-primary", Node.PRIMARY, primary));
    for (int i = 0; i < replicas.size(); i++) {
      nodes.add(node(side + "-replica-" + (i + 1), Node.REPLICA, replicas.get(i)));
    }
    return nodes;
  }

  private Node node(String name, NodeRole role, MySqlDsn dsn) {
    String nodePassword = dsn.password().orElse(password == null ? "" : password);
    return new Node(name, role, dsn.jdbcUrl(), dsn.user(), nodePassword, dsn.tls());
  }

  @Override
  public String toString() {
    return "ClusterConfig[primary="
        + primary
        + ", replicas="
        + replicas
        + ", password="
        + (password == null ? "none" : "<redacted>")
        + "]";
  }
}
