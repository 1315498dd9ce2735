package io.ferry.cutover.report;

import java.io.IOException;

/**
 * A document is not a comparison report this version of Ferry can read: malformed or truncated
 * JSON, a missing or mistyped field, or an unsupported format version. The message names the
 * document and the place inside it, e.g. {@code compare-pre.json: checks[2].status: expected one of
 * [PASS, WARN, FAIL], was 'OK'}.
 */
public final class ReportFormatException extends IOException {

  /** With the message shown to the user. */
  public ReportFormatException(String message) {
    super(message);
  }
}
