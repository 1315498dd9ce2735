package io.ferry.agent;

/**
 * The collector's answer to one write request.
 *
 * @param status the HTTP status
 * @param message the response body, on one line and shortened, for logs
 */
public record CollectorReply(int status, String message) {

  static final int MAX_MESSAGE_LENGTH = 500;

  /** Builds a reply from a raw body, folding lines and shortening it. */
  static CollectorReply of(int status, String body) {
    String text = body == null ? "" : body.strip().replaceAll("\\s*\\R\\s*", " ");
    if (text.length() > MAX_MESSAGE_LENGTH) {
      text = text.substring(0, MAX_MESSAGE_LENGTH) + "...";
    }
    return new CollectorReply(status, text);
  }

  /** The status and the collector's message, for logs: {@code HTTP 400: line 3: ...}. */
  public String describe() {
    return "HTTP " + status + (message.isEmpty() ? "" : ": " + message);
  }

  public PushOutcome outcome() {
    return PushOutcome.ofStatus(status);
  }
}
