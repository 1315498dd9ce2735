package io.ferry.collector.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How points from concurrent requests are coalesced into InfluxDB writes, how many writes run at
 * once, and where batches InfluxDB refuses are set aside.
 *
 * @param maxPoints the most points in one write to InfluxDB ({@code influxdb.batch_max_points});
 *     default {@value #DEFAULT_MAX_POINTS}
 * @param flushInterval how long the oldest waiting point waits for more points to join its batch
 *     while a write slot is free ({@code influxdb.flush_interval}); a full batch does not wait.
 *     Default 0: points are written as soon as a slot is free, and batches grow only while all
 *     {@code maxConcurrentWrites} slots are busy (group commit)
 * @param maxPendingPoints the most points held in memory, waiting or being written ({@code
 *     influxdb.max_pending_points}); a request that would exceed it is answered 503 at once, so a
 *     slow InfluxDB cannot exhaust the collector's memory; default {@value #DEFAULT_MAX_PENDING}
 * @param maxConcurrentWrites the most writes to InfluxDB in flight at once ({@code
 *     influxdb.max_concurrent_writes}); while all are busy, points wait and form the next batches,
 *     so a fleet replaying after an outage reaches InfluxDB at the pace it answers; default {@value
 *     #DEFAULT_MAX_CONCURRENT_WRITES}
 * @param deadLetters where batches InfluxDB refuses as invalid are written to, and the bounds of
 *     those files ({@code influxdb.dead_letter_*})
 */
public record BatchingConfig(
    int maxPoints,
    Duration flushInterval,
    int maxPendingPoints,
    int maxConcurrentWrites,
    DeadLetterConfig deadLetters) {

  public static final int DEFAULT_MAX_POINTS = 5000;
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ZERO;
  public static final int DEFAULT_MAX_PENDING = 200_000;
  public static final int DEFAULT_MAX_CONCURRENT_WRITES = 4;
  public static final String DEFAULT_DEAD_LETTER_DIR = DeadLetterConfig.DEFAULT_DIR;

  /** Refused batches go to {@code deadLetterDir} with the default bounds. */
  public BatchingConfig(
      int maxPoints,
      Duration flushInterval,
      int maxPendingPoints,
      int maxConcurrentWrites,
      Path deadLetterDir) {
    this(
        maxPoints,
        flushInterval,
        maxPendingPoints,
        maxConcurrentWrites,
        DeadLetterConfig.in(deadLetterDir));
  }

  /** Default concurrency; refused batches go to {@code ferry-dead-letter} in the temp folder. */
  public BatchingConfig(int maxPoints, Duration flushInterval, int maxPendingPoints) {
    this(
        maxPoints,
        flushInterval,
        maxPendingPoints,
        DEFAULT_MAX_CONCURRENT_WRITES,
        Path.of(System.getProperty("java.io.tmpdir"), "ferry-dead-letter"));
  }

  public static BatchingConfig defaults() {
    return new BatchingConfig(
        DEFAULT_MAX_POINTS,
        DEFAULT_FLUSH_INTERVAL,
        DEFAULT_MAX_PENDING,
        DEFAULT_MAX_CONCURRENT_WRITES,
        Path.of(DEFAULT_DEAD_LETTER_DIR));
  }

  /** The folder refused batches are set aside in. */
  public Path deadLetterDir() {
    return deadLetters.dir();
  }

  /** The same settings with refused batches set aside in {@code dir}. */
  public BatchingConfig withDeadLetterDir(Path dir) {
    return new BatchingConfig(
        maxPoints,
        flushInterval,
        maxPendingPoints,
        maxConcurrentWrites,
        new DeadLetterConfig(dir, deadLetters.fileBytes(), deadLetters.maxBytes()));
  }
}
