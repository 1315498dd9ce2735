package io.ferry.collector.cluster;

import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells this collector, on its local event bus ({@value #ADDRESS}), that its Hazelcast member has
 * merged into another cluster after a network split: Hazelcast then drops what the merging side
 * held, the leader lock included, so a collector that led that side must give the lead up.
 */
final class MergeSignal implements LifecycleListener {

  /** The local event bus address the signal is published on. */
  static final String ADDRESS = "ferry.cluster.merged";

  private final AtomicReference<Vertx> vertx = new AtomicReference<>();

  /** Where to publish, once the clustered Vert.x exists. */
  void publishTo(Vertx clustered) {
    vertx.set(clustered);
  }

  @Override
  public void stateChanged(LifecycleEvent event) {
    Vertx target = vertx.get();
    if (event.getState() == LifecycleEvent.LifecycleState.MERGED && target != null) {
      target.eventBus().publish(ADDRESS, null, new DeliveryOptions().setLocalOnly(true));
    }
  }
}
