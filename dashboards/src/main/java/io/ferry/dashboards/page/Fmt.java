package io.ferry.dashboards.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats numbers and times for the templates. A missing value is shown as a dash, never as 0. */
public final class Fmt {

  /** What a page shows for a value that was not reported. */
  public static final String MISSING = "—";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** {@code 2026-03-01 12:00:00Z}, in UTC. */
  public static String time(Instant at) {
    return at == null ? MISSING : TIME.format(at);
  }

  /** How long before {@code now}: {@code 42 s ago}, {@code 5 min ago}, {@code 3 h ago}. */
  public static String ago(Instant at, Instant now) {
    if (at == null) {
      return "never";
    }
    return duration(Duration.between(at, now)) + " ago";
  }

  /**
   * A duration in its largest whole unit ({@code 1 h}, {@code 30 min}, {@code 3 d}); otherwise
   * rounded down to the unit that keeps it readable ({@code 42 s}, {@code 5 min}, {@code 3 h}).
   */
  public static String duration(Duration length) {
    long seconds = Math.max(0, length.toSeconds());
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + " d";
    }
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + " h";
    }
    if (seconds >= 60 && seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    if (seconds < 120) {
      return seconds + " s";
    }
    if (seconds < 7200) {
      return seconds / 60 + " min";
    }
    if (seconds < 172_800) {
      return seconds / 3600 + " h";
    }
    return seconds / 86_400 + " d";
  }

  /** A percentage from 0 to 100 with one decimal: {@code 12.5 %}. */
  public static String percent(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%.1f %%", value);
  }

  /** A ratio from 0 to 1 as a percentage with three decimals: {@code 99.950 %}. */
  public static String ratio(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%.3f %%", value * 100);
  }

  /** A number with up to two decimals. */
  public static String number(Double value) {
    if (value == null) {
      return MISSING;
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString(value.longValue())
        : String.format(Locale.ROOT, "%.2f", value);
  }

  /** Seconds with one decimal: {@code 1.5 s}. */
  public static String seconds(Double value) {
    return value == null ? MISSING : String.format(Locale.ROOT, "%.1f s", value);
  }

  /** A yes/no flag; a dash when unknown. */
  public static String yesNo(Boolean value) {
    return value == null ? MISSING : value ? "yes" : "no";
  }

  /** Text, or a dash when there is none. */
  public static String text(String value) {
    return value == null || value.isEmpty() ? MISSING : value;
  }
}
