package io.ferry.cutover.data;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Holds the data comparison back while the servers are busy: before each chunk, waits until {@code
 * Threads_running} and replica lag are within limits, so the comparison never adds load to a server
 * already struggling or lets replicas fall further behind. A reading within the limits stands for
 * one step (the pause between readings while throttled): chunks shorter than that do not each pay
 * for a round of status queries on every node.
 */
public final class LoadThrottle {

  /** Pauses the calling thread; replaced in tests. */
  @FunctionalInterface
  public interface Pause {
    /** Pauses for the given time. */
    void pause(Duration duration) throws InterruptedException;
  }

  private final LoadProbe probe;
  private final Pause pause;
  private final LongSupplier nanoClock;
  private final int maxThreadsRunning;
  private final long maxLagSeconds;
  private final Duration step;
  private final Duration maxWait;
  private Duration throttled = Duration.ZERO;
  private long calmSince;
  private boolean calm;

  /**
   * @param probe measures the load
   * @param pause pauses between measurements
   * @param nanoClock monotonic time in nanoseconds, {@code System::nanoTime} outside tests
   * @param maxThreadsRunning highest acceptable {@code Threads_running}
   * @param maxLag highest acceptable replica lag
   * @param step pause between measurements while throttled
   * @param maxWait longest wait before one chunk
   */
  public LoadThrottle(
      LoadProbe probe,
      Pause pause,
      LongSupplier nanoClock,
      int maxThreadsRunning,
      Duration maxLag,
      Duration step,
      Duration maxWait) {
    this.probe = probe;
    this.pause = pause;
    this.nanoClock = nanoClock;
    this.maxThreadsRunning = maxThreadsRunning;
    this.maxLagSeconds = maxLag.toSeconds();
    this.step = step;
    this.maxWait = maxWait;
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
      ServerLoad load = probe.read();
      if (load.threadsRunning() <= maxThreadsRunning
          && load.maxReplicaLagSeconds() <= maxLagSeconds) {
        calm = true;
        calmSince = readAt;
        return;
      }
      if (waited.compareTo(maxWait) >= 0) {
        throw new ComparisonStoppedException(
            "servers stayed busy for "
                + waited.toSeconds()
                + " s (Threads_running "
                + load.threadsRunning()
                + ", limit "
                + maxThreadsRunning
                + "; replica lag "
                + load.maxReplicaLagSeconds()
                + " s, limit "
                + maxLagSeconds
                + " s)");
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
