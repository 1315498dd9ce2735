package io.ferry.collector.compare;

import io.ferry.cutover.Phase;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;
import io.ferry.cutover.report.Verdict;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a glance at a comparison needs: its phase, verdict, exit code and times. It is all that is
 * read back from a report's JSON document (the rest of the document is kept as text), so that a
 * verdict survives a restart without a full reader for {@link ComparisonReport}.
 *
 * @param phase before or after the switch
 * @param verdict GO or NO-GO
 * @param exitCode the comparison's exit code (0 for GO)
 * @param startedAt when the comparison started
 * @param finishedAt when it finished
 */
public record ComparisonSummary(
    Phase phase, Verdict verdict, int exitCode, Instant startedAt, Instant finishedAt) {

  /** The summary of a report. */
  public static ComparisonSummary of(ComparisonReport report) {
    return new ComparisonSummary(
        report.phase(),
        report.verdict(),
        report.exitCode(),
        report.startedAt(),
        report.finishedAt());
  }

  /**
   * Reads the summary from a document written by {@link ReportJson}.
   *
   * @throws IllegalArgumentException naming the field that is missing or malformed
   */
  public static ComparisonSummary fromJson(String json) {
    JsonObject document;
    try {
      document = new JsonObject(json);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
    }
    Object version = document.getValue("formatVersion");
    if (!Integer.valueOf(ReportJson.FORMAT_VERSION).equals(version)) {
      throw new IllegalArgumentException(
          "formatVersion is " + version + ", this collector reads " + ReportJson.FORMAT_VERSION);
    }
    return new ComparisonSummary(
        enumField(document, "phase", Phase.class),
        enumField(document, "verdict", Verdict.class),
        exitCode(document),
        instant(document, "startedAt"),
        instant(document, "finishedAt"));
  }

  private static <E extends Enum<E>> E enumField(JsonObject document, String field, Class<E> type) {
    String text = text(document, field);
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a known value");
    }
  }

  private static int exitCode(JsonObject document) {
    if (!(document.getValue("exitCode") instanceof Integer code) || code < 0) {
      throw new IllegalArgumentException(
          "exitCode must be a whole number of at least 0, was " + document.getValue("exitCode"));
    }
    return code;
  }

  private static Instant instant(JsonObject document, String field) {
    String text = text(document, field);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not an ISO-8601 instant");
    }
  }

  private static String text(JsonObject document, String field) {
    if (!(document.getValue(field) instanceof String text)) {
      throw new IllegalArgumentException(field + " is missing or not a string");
    }
    return text;
  }
}
