package io.ferry.collector.ingest;

/**
 * A push refused because the alert engine's queue (or, in a cluster, the buffer for the leader) has
 * no room for its points: answered 503 with {@code Retry-After}, nothing of it queued or written.
 */
final class AlertQueueFullException extends RuntimeException {

  AlertQueueFullException(String message) {
    super(message, null, false, false);
  }
}
