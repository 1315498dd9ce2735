package io.ferry.cutover.data;

import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.TableDataResult;
import java.util.List;

/**
 * Where an interrupted data comparison can resume: the tables already finished, with their results,
 * and the table in progress up to its last finished chunk.
 *
 * @param finished results of finished tables
 * @param inProgress the table being compared, or null when between tables
 */
public record Checkpoint(List<TableDataResult> finished, InProgress inProgress) {

  /** Nothing done yet. */
  public static final Checkpoint EMPTY = new Checkpoint(List.of(), null);

  public Checkpoint {
    finished = List.copyOf(finished);
  }

  /**
   * A table compared up to a chunk boundary.
   *
   * @param database schema name
   * @param table table name
   * @param lastUpper the last finished chunk's upper key (inclusive)
   * @param rowsOld old-side rows counted so far
   * @param rowsNew new-side rows counted so far
   * @param chunks chunks compared so far
   * @param rechecks chunks that matched on re-check so far
   * @param drift drift found so far
   */
  public record InProgress(
      String database,
      String table,
      List<String> lastUpper,
      long rowsOld,
      long rowsNew,
      int chunks,
      int rechecks,
      List<ChunkDrift> drift) {

    public InProgress {
      lastUpper = List.copyOf(lastUpper);
      drift = List.copyOf(drift);
    }
  }
}
