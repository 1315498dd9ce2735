package io.ferry.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The collector's answer to one write request.
 *
 * @param status the HTTP status
 * @param message the response body, on one line and shortened, for logs
 * @param retryAfter how long the collector asked to wait ({@code Retry-After}), if it did
 */
public record CollectorReply(int status, String message, Optional<Duration> retryAfter) {

  static final int MAX_MESSAGE_LENGTH = 500;

  /** Builds a reply from a raw body, folding lines and shortening it. */
  static CollectorReply of(int status, String body) {
    return of(status, body, Optional.empty());
  }

  static CollectorReply of(int status, String body, Optional<Duration> retryAfter) {
    String text = body == null ? "" : body.strip().replaceAll("\\s*\\R\\s*", " ");
    if (text.length() > MAX_MESSAGE_LENGTH) {
      text = text.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
    return new CollectorReply(status, text, retryAfter);
  }

  /**
   * A {@code Retry-After} header's wait: a number of seconds or an HTTP date; empty when the header
   * is absent or neither.
   */
  public static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The status and the collector's message, for logs: {@code HTTP 400: line 3: ...}. */
  public String describe() {
    return "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
  }

  public PushOutcome outcome() {
    return PushOutcome.ofStatus(status);
  }
}
