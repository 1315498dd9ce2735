package io.ferry.alerts.notify;

/**
 * A receiver did not take a notification. The message names the receiver and the reason (an HTTP
 * status and the start of the answer, a connection error) and never carries a secret.
 */
public final class NotifyException extends Exception {

  private final boolean retryable;

  /**
   * @param retryable whether sending again may succeed (a timeout, a 5xx, a 429), as opposed to a
   *     refusal that will not change (a 400, a 401, a bad address)
   */
  public NotifyException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public NotifyException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  /** Whether sending the same notification again may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
