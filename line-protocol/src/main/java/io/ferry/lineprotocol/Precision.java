package io.ferry.lineprotocol;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The unit of the timestamps in a line-protocol body, as named by the {@code precision} query
 * parameter of InfluxDB's {@code /api/v2/write} ({@code ns}, {@code us}, {@code ms}, {@code s}) and
 * {@code /write} ({@code n}, {@code u}, {@code ms}, {@code s}, {@code m}, {@code h}).
 */
public enum Precision {
  NANOSECONDS(1L, "ns"),
  MICROSECONDS(1_000L, "us"),
  MILLISECONDS(1_000_000L, "ms"),
  SECONDS(1_000_000_000L, "s"),
  MINUTES(60_000_000_000L, "m"),
  HOURS(3_600_000_000_000L, "h");

  private final long nanosPerUnit;
  private final String v2Name;

  Precision(long nanosPerUnit, String v2Name) {
    this.nanosPerUnit = nanosPerUnit;
    this.v2Name = v2Name;
  }

  /** How many nanoseconds one unit of this precision is. */
  public long nanosPerUnit() {
    return nanosPerUnit;
  }

  /** The name used in query parameters ({@code ns}, {@code us}, {@code ms}, {@code s}, ...). */
  public String parameterName() {
    return v2Name;
  }

  /**
   * Converts a timestamp in this precision to nanoseconds since the epoch.
   *
   * @throws ArithmeticException if the result does not fit in 64 bits
   */
  public long toNanos(long value) {
    return Math.multiplyExact(value, nanosPerUnit);
  }

  /** Converts nanoseconds since the epoch to this precision, truncating. */
  public long fromNanos(long nanos) {
    return nanos / nanosPerUnit;
  }

  /** The matching {@link TimeUnit}, for precisions that have one. */
  public TimeUnit timeUnit() {
    return switch (this) {
      case NANOSECONDS -> TimeUnit.NANOSECONDS;
      case MICROSECONDS -> TimeUnit.MICROSECONDS;
      case MILLISECONDS -> TimeUnit.MILLISECONDS;
      case SECONDS -> TimeUnit.SECONDS;
      case MINUTES -> TimeUnit.MINUTES;
      case HOURS -> TimeUnit.HOURS;
    };
  }

  /**
   * Reads a {@code precision} parameter as either write endpoint accepts it; an absent or empty
   * parameter means nanoseconds.
   *
   * @return the precision, or empty if the name is not one InfluxDB knows
   */
  public static Optional<Precision> fromParameter(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of(NANOSECONDS);
    }
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "ns", "n" -> Optional.of(NANOSECONDS);
      case "us", "u", "µs" -> Optional.of(MICROSECONDS);
      case "ms" -> Optional.of(MILLISECONDS);
      case "s" -> Optional.of(SECONDS);
      case "m" -> Optional.of(MINUTES);
      case "h" -> Optional.of(HOURS);
      default -> Optional.empty();
    };
  }
}
