package io.ferry.cutover;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a check needs: the topology, the options and one shared connection per node.
 *
 * @param topology the two clusters
 * @param options the comparison's options (phase, thresholds, expected differences)
 * @param connections opens and caches one connection per node; closed by the caller
 */
public record CheckContext(
    ClusterTopology topology, ComparisonOptions options, NodeConnections connections) {

  /** The phase the comparison runs in. */
  public Phase phase() {
    return options.phase();
  }

  /** The shared connection to a node, opened on first use. */
  public Connection connection(Node node) throws SQLException {
    return connections.shared(node);
  }
}
