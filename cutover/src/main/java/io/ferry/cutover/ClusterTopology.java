package io.ferry.cutover;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The two clusters being compared: each side has exactly one primary and any number of replicas.
 *
 * @param oldNodes servers of the cluster traffic moves away from
 * @param newNodes servers of the cluster traffic moves to
 */
public record ClusterTopology(List<Node> oldNodes, List<Node> newNodes) {

  public ClusterTopology {
    oldNodes = List.copyOf(oldNodes);
    newNodes = List.copyOf(newNodes);
    requireOnePrimary("old", oldNodes);
    requireOnePrimary("new", newNodes);
    Set<String> names = new HashSet<>();
    for (Node node : all(oldNodes, newNodes)) {
      if (!names.add(node.name())) {
        throw new IllegalArgumentException("node name '" + node.name() + "' is used twice");
      }
    }
  }

  /** The old side's primary. */
  public Node oldPrimary() {
    return primaryOf(oldNodes);
  }

  /** The new side's primary. */
  public Node newPrimary() {
    return primaryOf(newNodes);
  }

  /** Every node, old side first. */
  public List<Node> allNodes() {
    return all(oldNodes, newNodes);
  }

  /** Whether the node belongs to the new side. */
  public boolean isNewSide(Node node) {
    return newNodes.contains(node);
  }

  private static List<Node> all(List<Node> first, List<Node> second) {
    List<Node> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static Node primaryOf(List<Node> nodes) {
    return nodes.stream().filter(Node::isPrimary).findFirst().orElseThrow();
  }

  private static void requireOnePrimary(String side, List<Node> nodes) {
    long primaries = nodes.stream().filter(Node::isPrimary).count();
    if (primaries != 1) {
      throw new IllegalArgumentException(
          "the " + side + " side must have exactly one primary node, has " + primaries);
    }
  }
}
