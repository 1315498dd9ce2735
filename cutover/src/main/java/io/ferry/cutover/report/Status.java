package io.ferry.cutover.report;

/** Outcome of one check or one table. */
public enum Status {
  /** As expected. */
  PASS,
  /** Worth a look, but does not block the switch (never sets an exit-code bit). */
  WARN,
  /** Blocks the switch: sets its family's exit-code bit. */
  FAIL
}
