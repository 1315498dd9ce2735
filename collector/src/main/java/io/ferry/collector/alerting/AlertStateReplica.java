package io.ferry.collector.alerting;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where the collector that evaluates a cluster's alerts publishes its alert state (the document the
 * state file holds) after each change, and where the next evaluator reads it when it takes over.
 */
public interface AlertStateReplica {

  /** The latest published state, or empty when none was published yet. */
  Future<Optional<String>> load();

  /** Replaces the published state. */
  Future<Void> publish(String state);
}
