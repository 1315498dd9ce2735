package io.ferry.agent.input.accesslog;

/** Where reading starts in a log that has no saved offset yet. */
public enum StartAt {
  /** At its end: only lines written from now on are counted. */
  END,
  /** At its start: every line already in the file is counted. */
  BEGINNING
}
