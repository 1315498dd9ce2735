package io.ferry.cutover.data;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Decides where each chunk of a table ends. */
interface ChunkPlanner {

  /**
   * The last key (inclusive) of the chunk that starts after {@code lower}, holding about {@code
   * rows} rows; empty when the chunk runs to the end of the compared range.
   *
   * @param lower the previous chunk's last key, empty for the first chunk
   * @param rows the row count the chunk should have
   */
  Optional<List<String>> nextUpper(List<String> lower, int rows) throws SQLException;

  /** Told how many rows (old side) the chunk that was just compared held. */
  void observed(ChunkRange range, long rows);
}
