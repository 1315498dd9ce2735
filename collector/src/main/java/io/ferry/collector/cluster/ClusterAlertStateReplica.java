package io.ferry.collector.cluster;

import io.ferry.collector.alerting.AlertStateReplica;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * The alert state in Vert.x's cluster-wide map {@value #MAP} (a Hazelcast map, kept with one backup
 * on another member), so that it outlives the evaluator that published it.
 */
final class ClusterAlertStateReplica implements AlertStateReplica {

  /** The map's name. */
  static final String MAP = "ferry.alerts.state";

  private static final String KEY = "state";

  private final Vertx vertx;

  ClusterAlertStateReplica(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Optional<String>> load() {
    return vertx
        .sharedData()
        .<String, String>getAsyncMap(MAP)
        .compose(map -> map.get(KEY))
        .map(Optional::ofNullable);
  }

  @Override
  public Future<Void> publish(String state) {
    return vertx.sharedData().<String, String>getAsyncMap(MAP).compose(map -> map.put(KEY, state));
  }
}
