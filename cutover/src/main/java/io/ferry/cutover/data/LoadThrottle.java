package io.ferry.cutover.data;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the data comparison back while the servers are busy, as pt-table-checksum's {@code
 * --max-load} and {@code --max-lag} do: before each chunk, waits until every {@link LoadLimit}
 * holds on both primaries and no replica lags more than the bound, so the comparison never adds
 * load to a server already struggling or lets replicas fall further behind. A pause and the resume
 * after it are logged and told to the {@link ProgressListener}. A reading within the limits stands
 * for one step (the pause between readings while throttled): chunks shorter than that do not each
 * pay for a round of status queries on every node.
 */
public final class LoadThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoadThrottle.class);

  /** Pauses the calling thread; replaced in tests. */
  @FunctionalInterface
  public interface Pause {
    /** Pauses for the given time. */
    void pause(Duration duration) throws InterruptedException;
  }

  private final LoadProbe probe;
  private final Pause pause;
  private final LongSupplier nanoClock;
  private final List<LoadLimit> maxLoad;
  private final double maxLagSeconds;
  private final Duration step;
  private final Duration maxWait;
  private final ProgressListener listener;
  private Duration throttled = Duration.ZERO;
  private long calmSince;
  private boolean calm;

  /**
   * @param probe measures the load
   * @param pause pauses between measurements
   * @param nanoClock monotonic time in nanoseconds, {@code System::nanoTime} outside tests
   * @param maxLoad highest acceptable values of status variables on the primaries
   * @param maxLag highest acceptable replica lag
   * @param step pause between measurements while throttled
   * @param maxWait longest wait before one chunk
   * @param listener told when the comparison pauses and resumes
   */
  public LoadThrottle(
      LoadProbe probe,
      Pause pause,
      LongSupplier nanoClock,
      List<LoadLimit> maxLoad,
      Duration maxLag,
      Duration step,
      Duration maxWait,
      ProgressListener listener) {
    this.probe = probe;
    this.pause = pause;
    this.nanoClock = nanoClock;
    this.maxLoad = List.copyOf(maxLoad);
    this.maxLagSeconds = maxLag.toMillis() / 1000.0;
    this.step = step;
    this.maxWait = maxWait;
    this.listener = listener;
  }

  /**
   * Returns once the load is within limits.
   *
   * @throws ComparisonStoppedException when it stayed above them for longer than the longest wait
   */
  public void awaitCapacity()
      throws SQLException, InterruptedException, ComparisonStoppedException {
    if (calm && nanoClock.getAsLong() - calmSince < step.toNanos()) {
      return;
    }
    calm = false;
    Duration waited = Duration.ZERO;
    while (true) {
      long readAt = nanoClock.getAsLong();
      Optional<String> over = probe.read().overLimit(maxLoad, maxLagSeconds);
      if (over.isEmpty()) {
        calm = true;
        calmSince = readAt;
        if (!waited.isZero()) {
          LOG.info("data comparison resumes after a pause of {} ms", waited.toMillis());
          listener.onResume(waited);
        }
        return;
      }
      if (waited.isZero()) {
        LOG.info("data comparison paused: {}", over.get());
        listener.onPause(over.get());
      }
      if (waited.compareTo(maxWait) >= 0) {
        throw new ComparisonStoppedException(
            "servers stayed busy for " + waited.toSeconds() + " s (" + over.get() + ")");
      }
      pause.pause(step);
      waited = waited.plus(step);
      throttled = throttled.plus(step);
    }
  }

  /** Total time spent waiting so far. */
  public Duration throttled() {
    return throttled;
  }
}
