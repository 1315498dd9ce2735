package io.ferry.agent.input.accesslog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** Reads {@link AccessLogEntry access-log entries} from lines of one {@link LogFormat}. Pure. */
public final class AccessLogParser {

  /** Methods kept as they are; any other is counted as {@code OTHER}, to bound the series. */
  public static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE");

  private static final String OTHER_METHOD = "OTHER";

  private final LogFormat format;

  public AccessLogParser(LogFormat format) {
    this.format = format;
  }

  /**
   * The entry of one line.
   *
   * @return empty when the line does not have the format, or its status or request time is not a
   *     number in range
   */
  public Optional<AccessLogEntry> parse(String line) {
    Optional<Matcher> matched = format.match(line);
    if (matched.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = matched.get();
    Optional<Integer> status =
        format.field(m, LogFormat.Field.STATUS).flatMap(AccessLogParser::status);
    Optional<Duration> time =
        format.field(m, LogFormat.Field.REQUEST_TIME).flatMap(this::requestTime);
    if (status.isEmpty() || time.isEmpty()) {
      return Optional.empty();
    }
    String method =
        format
            .field(m, LogFormat.Field.METHOD)
            .or(() -> format.field(m, LogFormat.Field.REQUEST).map(AccessLogParser::firstWord))
            .map(word -> word.toUpperCase(Locale.ROOT))
            .filter(METHODS::contains)
            .orElse(OTHER_METHOD);
    Optional<String> host =
        format
            .field(m, LogFormat.Field.HOST)
            .map(h -> h.toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty() && !h.equals("-"));
    return Optional.of(new AccessLogEntry(host, method, status.get(), time.get()));
  }

  private static Optional<Integer> status(String text) {
    try {
      int status = Integer.parseInt(text);
      return status >= 100 && status <= 599 ? Optional.of(status) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Duration> requestTime(String text) {
    try {
      BigDecimal amount = new BigDecimal(text.trim());
      if (amount.signum() < 0) {
        return Optional.empty();
      }
      BigDecimal nanosPerUnit =
          switch (format.timeUnit()) {
            case SECONDS_FRACTION, WHOLE_SECONDS -> BigDecimal.valueOf(1_000_000_000L);
            case MILLISECONDS -> BigDecimal.valueOf(1_000_000L);
            case MICROSECONDS -> BigDecimal.valueOf(1_000L);
          };
      return Optional.of(
          Duration.ofNanos(
              amount.multiply(nanosPerUnit).setScale(0, RoundingMode.HALF_UP).longValueExact()));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static String firstWord(String request) {
    int space = request.indexOf(' ');
    return space < 0 ? request : request.substring(0, space);
  }
}
