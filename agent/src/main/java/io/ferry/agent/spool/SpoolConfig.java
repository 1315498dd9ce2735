package io.ferry.agent.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code spool} section: where batches wait until the collector acknowledges them.
 *
 * @param directory the folder of the segment files: {@code spool/} in the agent's state directory
 *     ({@code agent.state_directory}); created when missing
 * @param maxBytes the most bytes the unsent batches may take, on disk and in memory together; past
 *     it the oldest are dropped, counted and logged (default 64 MiB)
 * @param replayPointsPerSecond how fast a backlog is sent once the collector is back, in points per
 *     second; the newest batch of each interval is sent on top of it (default 5,000)
 */
public record SpoolConfig(Path directory, long maxBytes, int replayPointsPerSecond) {

  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  public static final long MIN_MAX_BYTES = 64L * 1024;
  public static final int DEFAULT_REPLAY_POINTS_PER_SECOND = 5_000;

  /** A segment is closed and a new one started once it holds this share of the bound. */
  private static final int SEGMENTS_PER_BOUND = 8;

  public SpoolConfig {
    Objects.requireNonNull(directory, "directory");
    if (maxBytes < 1 || replayPointsPerSecond < 1) {
      throw new IllegalArgumentException("maxBytes and replayPointsPerSecond must be positive");
    }
  }

  /** The size at which a segment is closed: an eighth of the bound, so dropping is gradual. */
  public long segmentBytes() {
    return Math.max(1, maxBytes / SEGMENTS_PER_BOUND);
  }
}
