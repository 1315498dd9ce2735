package io.ferry.cutover.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ceiling on one global status variable of the primaries, as pt-table-checksum's {@code
 * --max-load}: the data comparison pauses while either primary's value is above it.
 *
 * @param variable the status variable's name as {@code SHOW GLOBAL STATUS} lists it, e.g. {@code
 *     Threads_running}
 * @param max the highest acceptable value
 */
public record LoadLimit(String variable, long max) {

  private static final Pattern ONE =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*[=:]\\s*(\\d+)\\s*");

  public LoadLimit {
    if (!variable.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("'" + variable + "' is not a status variable name");
    }
    if (max < 0) {
      throw new IllegalArgumentException(variable + " limit must not be negative, was " + max);
    }
  }

  /**
   * Parses {@code Threads_running=25} or several joined by commas ({@code
   * Threads_running=25,Threads_connected=400}); {@code :} works as well as {@code =}, as in
   * pt-table-checksum.
   *
   * @throws IllegalArgumentException naming the part that is not {@code VARIABLE=NUMBER}
   */
  public static List<LoadLimit> parseList(String text) {
    List<LoadLimit> limits = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Matcher matcher = ONE.matcher(part);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "'" + part.trim() + "' is not VARIABLE=NUMBER (e.g. Threads_running=25)");
      }
      try {
        limits.add(new LoadLimit(matcher.group(1), Long.parseLong(matcher.group(2))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + matcher.group(2) + "' is too large a limit");
      }
    }
    return List.copyOf(limits);
  }

  /** The limits as {@link #parseList} reads them. */
  public static String format(List<LoadLimit> limits) {
    return String.join(",", limits.stream().map(LoadLimit::toString).toList());
  }

  /** The variable's name as the server reports it, upper case (for looking readings up). */
  String key() {
    return variable.toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return variable + "=" + max;
  }
}
