package io.ferry.collector.ingest;

import java.util.concurrent.atomic.LongAdder;

/**
 * Parsed write requests offered to the InfluxDB writer, and those of them answered 503 because the
 * collector was full: the writer's bound ({@code influxdb.max_pending_points}) or expected wait
 * ({@code ingest.max_expected_wait}), or the alert engine's queue ({@code
 * alerts.max_queued_points}). Their share since the last look is the collector's own sign that
 * InfluxDB takes points slower than they arrive, which the collector's own point carries for the
 * shipped {@code CollectorOverloaded} rule. Thread-safe.
 */
public final class PushRefusals {

  private final LongAdder offered = new LongAdder();
  private final LongAdder refused = new LongAdder();

  /** A parsed push was offered to the writer. */
  void offered() {
    offered.increment();
  }

  /** A push offered was answered 503 because the collector was full. */
  void refused() {
    refused.increment();
  }

  /**
   * The percentage of the pushes offered since the last call that were refused because the
   * collector was full, 0 when none was offered; counting starts anew.
   */
  public synchronized double percentRefusedSinceLastLook() {
    long refusedNow = refused.sumThenReset();
    long offeredNow = offered.sumThenReset();
    if (offeredNow == 0) {
      return 0;
    }
    // The two sums are not read at once: a refusal counted between them must not pass 100 %.
    return Math.min(100, 100.0 * refusedNow / offeredNow);
  }
}
