package io.ferry.agent.input;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * An input that works between collections instead of only when polled: it tails a file or probes a
 * server on its own schedule, and its {@link Input#collect} only hands over what it counted so far.
 * The agent starts it once its worker pool exists and stops it before closing the inputs.
 */
public interface StreamingInput {

  /**
   * Starts reading or probing; work that blocks runs off the event loop.
   *
   * @return completes once the input runs; fails when it cannot start (the agent does not start)
   */
  Future<Void> start(Vertx vertx);

  /** Stops reading or probing; never fails. What was already counted stays collectable. */
  Future<Void> stop();
}
