package io.ferry.collector.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
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
    ClusteringConfig settings = cluster.get();
    var eventBus =
        new EventBusOptions()
            .setHost(settings.member().host())
            .setPort(settings.eventBusPort())
            .setClusterPublicHost(settings.member().host());
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(eventBus))
        .withClusterManager(new HazelcastClusterManager(HazelcastSettings.of(settings)))
        .buildClustered()
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "cannot join the cluster as "
                            + settings.member()
                            + " (members "
                            + settings.members()
                            + "): "
                            + e.getMessage(),
                        e)));
  }
}
