package io.ferry.agent;

/** What the agent does with a batch after the collector answered (or did not). */
public enum PushOutcome {
  /** 2xx: the collector has the points; remove them. */
  ACCEPTED,
  /** 401 or 403: the token is wrong; keep the points and try again later. */
  UNAUTHORIZED,
  /** 400: the collector refused lines of the batch; sending it again cannot help, so drop it. */
  REJECTED,
  /** 413: the batch is too large for the collector; send it in smaller batches. */
  TOO_LARGE,
  /** 5xx, any other status, or no answer: keep the points and try again later. */
  RETRY;

  /** The outcome of an HTTP status. */
  public static PushOutcome ofStatus(int status) {
    if (status >= 200 && status < 300) {
      return ACCEPTED;
    }
    return switch (status) {
      case 401, 403 -> UNAUTHORIZED;
      case 400 -> REJECTED;
      case 413 -> TOO_LARGE;
      default -> RETRY;
    };
  }
}
