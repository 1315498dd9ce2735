package io.ferry.cutover.data;

import io.ferry.cutover.report.TableDataResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a data comparison has done so far: finished tables and the table in progress. Tells the
 * progress listener after every chunk and keeps the checkpoint file (when there is one) in step.
 */
final class RunProgress {

  private final Checkpoint resumedFrom;
  private final Optional<CheckpointFile> file;
  private final ProgressListener listener;
  private final long rowsEstimate;
  private final List<TableDataResult> finished;
  private long rowsFinished;

  /**
   * @param file the checkpoint file; when present, the comparison resumes from what it holds
   * @param listener told the progress after every chunk
   * @param rowsEstimate the server's row estimate for all covered tables
   */
  RunProgress(Optional<CheckpointFile> file, ProgressListener listener, long rowsEstimate) {
    this.file = file;
    this.listener = listener;
    this.rowsEstimate = rowsEstimate;
    this.resumedFrom = file.map(CheckpointFile::load).orElse(Checkpoint.EMPTY);
    this.finished = new ArrayList<>(resumedFrom.finished());
    this.rowsFinished = finished.stream().mapToLong(TableDataResult::rowsOld).sum();
  }

  /** Whether an earlier run already finished the table. */
  boolean isFinished(String database, String table) {
    return finished.stream()
        .anyMatch(result -> result.database().equals(database) && result.table().equals(table));
  }

  /** Where the table's comparison starts: the checkpoint's position, or its beginning. */
  Checkpoint.InProgress startOf(String database, String table) {
    Checkpoint.InProgress inProgress = resumedFrom.inProgress();
    if (inProgress != null
        && inProgress.database().equals(database)
        && inProgress.table().equals(table)) {
      return inProgress;
    }
    return new Checkpoint.InProgress(database, table, List.of(), 0, 0, 0, 0, List.of());
  }

  /** Records a finished chunk of the table in progress. */
  void chunkDone(Checkpoint.InProgress state) {
    long rowsDone = rowsFinished + state.rowsOld();
    listener.onProgress(
        new ProgressListener.Progress(
            state.database() + "." + state.table(), rowsDone, Math.max(rowsEstimate, rowsDone)));
    file.ifPresent(f -> f.save(new Checkpoint(finished, state)));
  }

  /** Records a finished table. */
  void tableDone(TableDataResult result) {
    finished.add(result);
    rowsFinished += result.rowsOld();
    file.ifPresent(f -> f.save(new Checkpoint(finished, null)));
  }

  /** Every table's result, earlier runs' first; forgets the checkpoint, as nothing is left. */
  List<TableDataResult> complete() {
    file.ifPresent(CheckpointFile::delete);
    return List.copyOf(finished);
  }
}
