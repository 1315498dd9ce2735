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

  private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.log.";

  private CollectorVertx() {}

  /**
   * Hazelcast logs its logo, its feature list and every connection attempt at INFO: keep its
   * warnings and its membership changes ({@code Members {size:2} [...]}) in the collector's log,
   * unless the operator set these levels ({@code -Dorg.slf4j.simpleLogger.log.com.hazelcast=info}).
   */
  private static void quietHazelcast() {
    setIfAbsent("hazelcast.logging.type", "slf4j");
    setIfAbsent(SIMPLE_LOGGER + "com.hazelcast", "warn");
    setIfAbsent(SIMPLE_LOGGER + "com.hazelcast.internal.cluster.ClusterService", "info");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Starts Vert.x, joining the cluster when {@code cluster} is present. */
  public static Future<Vertx> start(Optional<ClusteringConfig> cluster) {
    if (cluster.isEmpty()) {
      return Future.succeededFuture(Vertx.vertx());
    }
    ClusteringConfig settings = cluster.get();
    quietHazelcast();
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
