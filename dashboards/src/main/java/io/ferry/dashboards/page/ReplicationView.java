package io.ferry.dashboards.page;

import java.util.List;

/**
 * The replication page: both clusters' servers, every link, and lag over time.
 *
 * @param nodes the database servers, by cluster then host
 * @param links the replication channels
 * @param charts lag per link (reported and heartbeat)
 * @param error why the data could not be read, or null
 */
public record ReplicationView(
    List<ReplicationNode> nodes, List<ReplicationLink> links, List<ChartRef> charts, String error) {

  public ReplicationView {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    charts = List.copyOf(charts);
  }

  /** The servers of one cluster. */
  public List<ReplicationNode> cluster(String name) {
    return nodes.stream().filter(node -> name.equals(node.cluster())).toList();
  }

  /** Servers whose cluster tag is neither old nor new. */
  public List<ReplicationNode> unassigned() {
    return nodes.stream()
        .filter(node -> !"old".equals(node.cluster()) && !"new".equals(node.cluster()))
        .toList();
  }
}
