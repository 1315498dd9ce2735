package io.ferry.collector.influx;

/**
 * How many points per second InfluxDB takes while it is being written to: points written divided by
 * the time during which at least one write was in flight, both decayed with a half-life of {@value
 * #HALF_LIFE_SECONDS} s so that the figure follows InfluxDB as it slows down or recovers. Counting
 * only the busy time means a collector that was idle, or fed slowly, still knows how fast InfluxDB
 * answers, and a burst after a quiet minute is not judged by the quiet minute's rate. Not
 * thread-safe: its owner calls it under its own lock, with {@link System#nanoTime()} readings.
 */
final class InfluxWriteRate {

  static final int HALF_LIFE_SECONDS = 10;

  /** Less busy time than this (decayed) says too little to estimate a rate. */
  static final long MIN_BUSY_NANOS = 1_000_000_000L;

  private static final double HALF_LIFE_NANOS = HALF_LIFE_SECONDS * 1e9;

  private double points;
  private double busyNanos;
  private long last = Long.MIN_VALUE;
  private int inFlight;

  /** A write to InfluxDB started. */
  void started(long nowNanos) {
    advance(nowNanos);
    inFlight++;
  }

  /** A write to InfluxDB ended, with {@code written} points taken (0 when it failed). */
  void finished(long nowNanos, int written) {
    advance(nowNanos);
    inFlight--;
    points += written;
  }

  /** Points per second of writing, or NaN while there is too little recent writing to tell. */
  double pointsPerSecond(long nowNanos) {
    advance(nowNanos);
    return busyNanos < MIN_BUSY_NANOS || points <= 0 ? Double.NaN : points / busyNanos * 1e9;
  }

  private void advance(long nowNanos) {
    if (last != Long.MIN_VALUE && nowNanos > last) {
      long elapsed = nowNanos - last;
      double kept = Math.pow(0.5, elapsed / HALF_LIFE_NANOS);
      points *= kept;
      busyNanos *= kept;
      if (inFlight > 0) {
        busyNanos += elapsed;
      }
    }
    last = nowNanos;
  }
}
