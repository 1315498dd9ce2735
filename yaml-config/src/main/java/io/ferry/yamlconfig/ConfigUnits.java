package io.ferry.yamlconfig;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the human units of configuration files: durations such as {@code 100ms}, {@code
 * 10s}, {@code 5m}, {@code 1h} and byte sizes such as {@code 512KiB}, {@code 10MiB}, {@code 1GB} or
 * a plain number of bytes. Units are case-insensitive and may be separated from the number by
 * spaces.
 */
public final class ConfigUnits {

  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
  private static final long[] BINARY_SIZES = {1024L * 1024 * 1024, 1024L * 1024, 1024L};
  private static final String[] BINARY_UNITS = {"GiB", "MiB", "KiB"};

  private ConfigUnits() {}

  /**
   * A duration with a unit ({@code ms}, {@code s}, {@code m}, {@code h}); empty if malformed, if
   * the unit is missing or if the amount does not fit a {@link Duration}.
   */
  public static Optional<Duration> parseDuration(String text) {
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Optional.of(Duration.ofMillis(amount));
        case "s" -> Optional.of(Duration.ofSeconds(amount));
        case "m" -> Optional.of(Duration.ofMinutes(amount));
        case "h" -> Optional.of(Duration.ofHours(amount));
        default -> Optional.empty();
      };
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * A size in bytes: a plain number, or a number with {@code B}, {@code KB}, {@code MB}, {@code GB}
   * (powers of 1000) or {@code KiB}, {@code MiB}, {@code GiB} (powers of 1024); empty if malformed
   * or larger than a {@code long}.
   */
  public static Optional<Long> parseBytes(String text) {
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long multiplier =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1L;
          case "kb" -> 1000L;
          case "mb" -> 1000L * 1000;
          case "gb" -> 1000L * 1000 * 1000;
          case "kib" -> 1024L;
          case "mib" -> 1024L * 1024;
          case "gib" -> 1024L * 1024 * 1024;
          default -> -1L;
        };
    if (multiplier < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), multiplier));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The duration in the largest unit that writes it exactly ({@code 2h}, {@code 90s}, {@code
   * 1500ms}), which {@link #parseDuration} reads back; sub-millisecond parts are dropped.
   */
  public static String formatDuration(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis != 0 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis != 0 && millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** The shortest exact form of a byte size in binary units ({@code 10MiB}), else in bytes. */
  public static String formatBytes(long bytes) {
    for (int i = 0; i < BINARY_UNITS.length; i++) {
      if (bytes > 0 && bytes % BINARY_SIZES[i] == 0) {
        return bytes / BINARY_SIZES[i] + BINARY_UNITS[i];
      }
    }
    return Long.toString(bytes);
  }
}
