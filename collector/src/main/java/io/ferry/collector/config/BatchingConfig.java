package io.ferry.collector.config;

import java.time.Duration;

/**
 * How points from concurrent requests are coalesced into InfluxDB writes.
 *
 * @param maxPoints the most points in one write to InfluxDB ({@code influxdb.batch_max_points});
 *     default {@value #DEFAULT_MAX_POINTS}
 * @param flushInterval the longest a point waits for its batch to fill ({@code
 *     influxdb.flush_interval}); default 100 ms
 * @param maxPendingPoints the most points held in memory, waiting or being written ({@code
 *     influxdb.max_pending_points}); a request that would exceed it is answered 503 at once, so a
 *     slow InfluxDB cannot exhaust the collector's memory; default {@value #DEFAULT_MAX_PENDING}
 */
public record BatchingConfig(int maxPoints, Duration flushInterval, int maxPendingPoints) {

  public static final int DEFAULT_MAX_POINTS = 5000;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);
  public static final int DEFAULT_MAX_PENDING = 200_000;

  public static BatchingConfig defaults() {
    return new BatchingConfig(DEFAULT_MAX_POINTS, DEFAULT_FLUSH_INTERVAL, DEFAULT_MAX_PENDING);
  }
}
