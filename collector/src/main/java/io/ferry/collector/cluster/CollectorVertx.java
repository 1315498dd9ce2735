package io.ferry.collector.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * The Vert.x instance a collector runs on: a plain one without a {@code cluster:} section (no
 * Hazelcast, no event bus port, nothing more than before), a clustered one joined to the other
 * collectors through Hazelcast with it.
 */
public final class CollectorVertx {

  private CollectorVertx() {}

  /** Starts Vert.x, joining the cluster when {@code cluster} is present. */
  public static Future<Vertx> start(Optional<ClusteringConfig> cluster) {
    if (cluster.isEmpty()) {
      return Future.succeededFuture(Vertx.vertx());
    }
    // In a class of its own, so that a collector without a cluster loads no Hazelcast class.
    return HazelcastVertx.start(cluster.get());
  }
}
