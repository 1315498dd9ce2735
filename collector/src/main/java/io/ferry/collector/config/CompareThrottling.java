package io.ferry.collector.config;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.data.LoadLimit;
import java.time.Duration;
import java.util.List;

/**
 * How gently the collector's comparison treats the servers; every default is the comparison
 * library's own ({@link ComparisonOptions#defaults()}), so the command line, the YAML and the
 * library agree.
 *
 * @param maxLag largest acceptable replication lag ({@code compare.max_lag}): replication FAILs
 *     above it and the data comparison pauses while a replica lags more; default 5s
 * @param maxLoad status-variable ceilings on the primaries ({@code compare.max_load}, {@code
 *     VAR=MAX,...}); default {@code Threads_running=25}
 * @param chunkTime time one chunk's checksum should take ({@code compare.chunk_time}); default
 *     200ms
 * @param chunkSizeMin fewest rows per chunk ({@code compare.chunk_size_min}); default 10
 * @param chunkSizeMax most rows per chunk ({@code compare.chunk_size_max}); default 200000
 * @param chunkParallelism chunk checksums each primary runs at once ({@code
 *     compare.chunk_parallelism}); default 2
 */
public record CompareThrottling(
    Duration maxLag,
    List<LoadLimit> maxLoad,
    Duration chunkTime,
    int chunkSizeMin,
    int chunkSizeMax,
    int chunkParallelism) {

  /** The library's defaults. */
  public static final CompareThrottling DEFAULTS = of(ComparisonOptions.defaults());

  public CompareThrottling {
    maxLoad = List.copyOf(maxLoad);
  }

  private static CompareThrottling of(ComparisonOptions options) {
    return new CompareThrottling(
        options.maxReplicaLag(),
        options.maxLoad(),
        options.chunkTargetTime(),
        options.minChunkRows(),
        options.maxChunkRows(),
        options.chunkParallelism());
  }

  /** Sets these values on a builder. */
  ComparisonOptions.Builder applyTo(ComparisonOptions.Builder builder) {
    return builder
        .maxReplicaLag(maxLag)
        .maxLoad(maxLoad)
        .chunkTargetTime(chunkTime)
        .chunkRowBounds(chunkSizeMin, chunkSizeMax)
        .chunkParallelism(chunkParallelism);
  }
}
