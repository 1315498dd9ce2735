package io.ferry.dashboards.page;

import java.time.Duration;
import java.util.Arrays;

/**
 * The time ranges a page offers ({@code ?range=} in its link), each with the InfluxQL duration
 * literal and the {@code GROUP BY time()} interval that gives about 120 points per chart.
 */
public enum TimeRange {
  M15("15m", Duration.ofMinutes(15), "10s"),
  H1("1h", Duration.ofHours(1), "30s"),
  H6("6h", Duration.ofHours(6), "3m"),
  H24("24h", Duration.ofHours(24), "12m"),
  D7("7d", Duration.ofDays(7), "1h");

  /** The range a page shows when its link names none (or an unknown one). */
  public static final TimeRange DEFAULT = H1;

  private final String code;
  private final Duration length;
  private final String interval;

  TimeRange(String code, Duration length, String interval) {
    this.code = code;
    this.length = length;
    this.interval = interval;
  }

  /** The value in links and the InfluxQL duration literal, e.g. {@code 1h}. */
  public String code() {
    return code;
  }

  public Duration length() {
    return length;
  }

  /** The {@code GROUP BY time(...)} interval, an InfluxQL duration literal. */
  public String interval() {
    return interval;
  }

  /** The range named {@code code}; {@link #DEFAULT} for null or an unknown value. */
  public static TimeRange parse(String code) {
    return Arrays.stream(values())
        .filter(range -> range.code.equals(code))
        .findFirst()
        .orElse(DEFAULT);
  }
}
