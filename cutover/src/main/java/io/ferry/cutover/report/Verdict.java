package io.ferry.cutover.report;

/** Whether the switch may go ahead. */
public enum Verdict {
  /** Nothing failed: exit code 0. */
  GO,
  /** At least one check or table failed: the exit code says which families. */
  NO_GO
}
