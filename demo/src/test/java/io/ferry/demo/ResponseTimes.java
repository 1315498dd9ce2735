package io.ferry.demo;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Response times of the fleet's write requests, per minute of the run and overall (HdrHistogram,
 * microseconds, 3 significant digits), and the answers by status. A request that got no answer
 * (timeout, connection refused) counts under {@link #NO_ANSWER}, timed at how long its agent waited
 * before giving up: a timeout is at least that slow, so leaving it out would flatter the tail.
 */
final class ResponseTimes {

  /** The status under which requests without an answer are counted. */
  static final int NO_ANSWER = 0;

  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);

  /** One minute's (or the run's) figures. */
  record Period(Histogram times, Map<Integer, Long> statuses) {

    long requests() {
      return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    long withStatus(int status) {
      return statuses.getOrDefault(status, 0L);
    }

    /** The response time at {@code percentile} (0 to 100) in milliseconds. */
    double millis(double percentile) {
      return times.getTotalCount() == 0 ? 0 : times.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
      return times.getTotalCount() == 0 ? 0 : times.getMaxValue() / 1000.0;
    }
  }

  private final long startNanos;
  private final TreeMap<Integer, Period> minutes = new TreeMap<>();
  private final Period overall = newPeriod();

  ResponseTimes(long startNanos) {
    this.startNanos = startNanos;
  }

  /** Records one request sent at {@code sentNanos} and answered with {@code status} now. */
  synchronized void record(long sentNanos, long answeredNanos, int status) {
    int minute = (int) TimeUnit.NANOSECONDS.toMinutes(Math.max(0, sentNanos - startNanos));
    Period period = minutes.computeIfAbsent(minute, m -> newPeriod());
    add(period, answeredNanos - sentNanos, status);
    add(overall, answeredNanos - sentNanos, status);
  }

  /** Per minute of the run (from 0), a copy. */
  synchronized TreeMap<Integer, Period> minutes() {
    TreeMap<Integer, Period> copy = new TreeMap<>();
    minutes.forEach((minute, period) -> copy.put(minute, copy(period)));
    return copy;
  }

  synchronized Period overall() {
    return copy(overall);
  }

  private static void add(Period period, long nanos, int status) {
    period.statuses().merge(status, 1L, Long::sum);
    period.times().recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
  }

  private static Period newPeriod() {
    return new Period(new Histogram(HIGHEST_MICROS, 3), new TreeMap<>());
  }

  private static Period copy(Period period) {
    return new Period(period.times().copy(), new TreeMap<>(period.statuses()));
  }
}
