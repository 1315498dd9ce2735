package io.ferry.cutover.data;

/**
 * Told after every chunk how far the data comparison is, so a command line can draw a progress bar.
 * Called from the comparison's thread; must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Does nothing. */
  ProgressListener NONE = progress -> {};

  /** Receives the latest progress. */
  void onProgress(Progress progress);

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
