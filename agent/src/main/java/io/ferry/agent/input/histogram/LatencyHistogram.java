package io.ferry.agent.input.histogram;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A latency histogram with fixed SLO boundaries, counted since it was created: a Micrometer {@link
 * Timer} with {@code serviceLevelObjectives}, made cumulative as Micrometer's Prometheus registry
 * makes its histograms (one ring buffer that does not expire for years), so that every bucket only
 * goes up. Recording and reading are mutually exclusive, so a snapshot never shows a bucket larger
 * than the count. Thread-safe.
 */
public final class LatencyHistogram {

  /** Long enough that the Micrometer histogram never rotates while the agent runs. */
  private static final Duration NEVER_EXPIRES = Duration.ofDays(1825);

  private final SloBuckets buckets;
  private final Timer timer;

  public LatencyHistogram(SloBuckets buckets) {
    this.buckets = buckets;
    var registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, Clock.SYSTEM);
    this.timer =
        Timer.builder("latency")
            .serviceLevelObjectives(buckets.boundaries().toArray(Duration[]::new))
            .distributionStatisticExpiry(NEVER_EXPIRES)
            .distributionStatisticBufferLength(1)
            .register(registry);
  }

  public SloBuckets buckets() {
    return buckets;
  }

  /** Counts one observation; a negative latency counts as zero. */
  public synchronized void record(Duration latency) {
    timer.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** Counts one observation given in nanoseconds. */
  public void recordNanos(long nanos) {
    record(Duration.ofNanos(Math.max(0, nanos)));
  }

  /** The cumulative count, sum and buckets, read together. */
  public synchronized HistogramCounts snapshot() {
    HistogramSnapshot micrometer = timer.takeSnapshot();
    Map<Duration, Long> counts = new LinkedHashMap<>();
    for (CountAtBucket bucket : micrometer.histogramCounts()) {
      counts.put(
          Duration.ofNanos((long) bucket.bucket(TimeUnit.NANOSECONDS)), (long) bucket.count());
    }
    Map<Duration, Long> ordered = new LinkedHashMap<>();
    for (Duration boundary : buckets.boundaries()) {
      Long observations = counts.get(boundary);
      if (observations == null) {
        throw new IllegalStateException("Micrometer returned no bucket for " + boundary);
      }
      ordered.put(boundary, observations);
    }
    return new HistogramCounts(micrometer.count(), micrometer.total(TimeUnit.SECONDS), ordered);
  }
}
