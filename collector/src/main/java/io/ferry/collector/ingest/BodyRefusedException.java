package io.ferry.collector.ingest;

/**
 * A request body refused whole, before any of its lines is read: it does not decode (bad gzip, not
 * UTF-8) or is too large. Nothing of it is written. It carries no stack trace: it is an expected
 * outcome of bad input.
 */
public final class BodyRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public BodyRefusedException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The answer the sender gets. */
  public ErrorCode code() {
    return code;
  }
}
