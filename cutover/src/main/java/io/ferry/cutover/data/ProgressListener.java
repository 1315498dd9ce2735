package io.ferry.cutover.data;

import java.time.Duration;

/**
 * Told after every chunk how far the data comparison is, so a command line can draw a progress bar.
 * Also told when the comparison pauses for busy servers and resumes. Called from the comparison's
 * thread; must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Does nothing. */
  ProgressListener NONE = progress -> {};

  /** Receives the latest progress. */
  void onProgress(Progress progress);

  /**
   * The comparison pauses because the servers are busy.
   *
   * @param reason what is over its limit, e.g. {@code Threads_running 31 > 25}
   */
  default void onPause(String reason) {}

  /**
   * The comparison goes on after a pause.
   *
   * @param paused how long it waited
   */
  default void onResume(Duration paused) {}

  /**
   * How far the data comparison is.
   *
   * @param table {@code database.table} being compared
   * @param rowsDone rows compared so far, all tables (old side's count)
   * @param rowsEstimate the server's row estimate for all covered tables (from {@code
   *     information_schema.TABLES}, approximate for InnoDB); at least {@code rowsDone}
   */
  record Progress(String table, long rowsDone, long rowsEstimate) {}
}
