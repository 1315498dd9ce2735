package io.ferry.collector.ingest;

/**
 * A request body refused whole, before any of its lines is read: it does not decode (bad gzip, not
 * UTF-8) or is too large. Nothing of it is written. It carries no stack trace: it is an expected
 * outcome of bad input.
 */
public final class BodyRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final Integer line;

  public BodyRefusedException(ErrorCode code, String message) {
    this(code, message, null);
  }

  /**
   * @param line the line where decoding failed, for the v2 error body; null when not known
   */
  public BodyRefusedException(ErrorCode code, String message, Integer line) {
    super(message, null, false, false);
    this.code = code;
    this.line = line;
  }

  /** The line where decoding failed, or null. */
  public Integer line() {
    return line;
  }

  /** The answer the sender gets. */
  public ErrorCode code() {
    return code;
  }
}
