package io.ferry.agent;

import io.ferry.agent.spool.SpoolStats;

/**
 * The push pipeline's figures, written as the agent's untagged {@code ferry_agent} point. Counters
 * count since the agent started (they restart at zero with the process; every drop is also logged
 * with its counts when it happens).
 *
 * @param spool what waits in the spool, and what it dropped past its bound
 * @param batchesSent batches the collector accepted
 * @param batchesFailed requests that did not deliver their batch (no answer, 5xx, 401/403); the
 *     batch stays in the spool and is sent again
 * @param batchesRefused batches the collector refused for good (HTTP 400), dropped
 * @param pointsSent points the collector accepted
 * @param pointsRefused points in the refused batches
 */
public record PushStats(
    SpoolStats spool,
    long batchesSent,
    long batchesFailed,
    long batchesRefused,
    long pointsSent,
    long pointsRefused) {

  /** Batches given up: refused by the collector or dropped from a full spool. */
  public long batchesDropped() {
    return batchesRefused + spool.droppedBatches();
  }

  /** Points given up: refused by the collector or dropped from a full spool. */
  public long pointsDropped() {
    return pointsRefused + spool.droppedPoints();
  }
}
