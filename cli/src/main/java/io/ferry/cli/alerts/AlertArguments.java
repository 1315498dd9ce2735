package io.ferry.cli.alerts;

import io.ferry.alerts.dispatch.Matcher;
import io.ferry.cli.BadCommandLineException;
import io.ferry.yamlconfig.ConfigUnits;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Parses the times, durations and matchers of the alert commands, naming the bad argument. */
final class AlertArguments {

  private AlertArguments() {}

  /** A duration written as in the configuration ({@code 30m}, {@code 2h}). */
  static Duration duration(String option, String text) throws BadCommandLineException {
    Duration duration =
        ConfigUnits.parseDuration(text)
            .orElseThrow(
                () ->
                    new BadCommandLineException(
                        option + ": expected a duration such as 30m or 2h, got \"" + text + "\""));
    if (duration.isZero() || duration.isNegative()) {
      throw new BadCommandLineException(option + ": the duration must be positive: " + text);
    }
    return duration;
  }

  /** An ISO-8601 instant ({@code 2026-06-01T22:00:00Z}) or time with offset ({@code +02:00}). */
  static Instant instant(String option, String text) throws BadCommandLineException {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        throw new BadCommandLineException(
            option
                + ": expected an ISO-8601 time such as 2026-06-01T22:00:00Z or"
                + " 2026-06-02T00:00:00+02:00, got \""
                + text
                + "\"");
      }
    }
  }

  /**
   * Matchers as amtool writes them: {@code alertname=ReplicationStopped}, {@code host=~"db-.*"}.
   */
  static List<Matcher> matchers(List<String> texts) throws BadCommandLineException {
    List<Matcher> matchers = new ArrayList<>();
    for (String text : texts) {
      try {
        matchers.add(Matcher.parse(text));
      } catch (IllegalArgumentException e) {
        throw new BadCommandLineException("bad matcher " + text + ": " + e.getMessage());
      }
    }
    return matchers;
  }
}
