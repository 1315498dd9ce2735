package io.ferry.collector.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.ListenerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/** A clustered Vert.x on a Hazelcast member configured by {@link HazelcastSettings}. */
final class HazelcastVertx {

  private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.log.";

  private HazelcastVertx() {}

  static Future<Vertx> start(ClusteringConfig settings) {
    quietHazelcast();
    var eventBus =
        new EventBusOptions()
            .setHost(settings.member().host())
            .setPort(settings.eventBusPort())
            .setClusterPublicHost(settings.member().host());
    var merged = new MergeSignal();
    Config config = HazelcastSettings.of(settings);
    config.addListenerConfig(new ListenerConfig(merged));
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(eventBus))
        .withClusterManager(new HazelcastClusterManager(config))
        .buildClustered()
        .onSuccess(merged::publishTo)
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

  /**
   * Hazelcast logs its logo, its feature list and every connection attempt at INFO: keep its
   * warnings and its membership changes ({@code Members {size:2} [...]}) in the collector's log,
   * unless the operator set these levels ({@code -Dorg.slf4j.simpleLogger.log.com.hazelcast=info}).
   * Its warning that the CP subsystem is off is left out too: Ferry uses no CP data structure.
   */
  private static void quietHazelcast() {
    setIfAbsent("hazelcast.logging.type", "slf4j");
    setIfAbsent(SIMPLE_LOGGER + "com.hazelcast", "warn");
    setIfAbsent(SIMPLE_LOGGER + "com.hazelcast.cp.CPSubsystem", "error");
    setIfAbsent(SIMPLE_LOGGER + "com.hazelcast.internal.cluster.ClusterService", "info");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
