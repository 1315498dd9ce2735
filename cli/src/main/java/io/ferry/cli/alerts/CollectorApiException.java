package io.ferry.cli.alerts;

import io.ferry.cli.FerryCommand;

/**
 * A call to the collector's API that failed: unreachable, token refused, or the request refused.
 * The message is one line naming the URL; it never holds the token.
 */
final class CollectorApiException extends Exception {

  private final int exitCode;
  private final int httpStatus;

  CollectorApiException(String message, int exitCode) {
    this(message, exitCode, 0);
  }

  CollectorApiException(String message, int exitCode, int httpStatus) {
    super(message);
    this.exitCode = exitCode;
    this.httpStatus = httpStatus;
  }

  /** The collector's HTTP status, 0 when it did not answer. */
  int httpStatus() {
    return httpStatus;
  }

  /** {@link FerryCommand#EXIT_CONFIG} when the collector refused what was asked as invalid. */
  int exitCode() {
    return exitCode;
  }
}
