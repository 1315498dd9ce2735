package io.ferry.cutover.data;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds each chunk's end by walking the old side's primary key {@code rows} rows forward. Works for
 * every key type; costs one key-ordered read of the chunk on the old side.
 */
final class WalkingChunkPlanner implements ChunkPlanner {

  private final ChunkQueries oldSide;
  private final TableShape shape;
  private final List<String> end;

  /**
   * @param end the last key compared (empty: no end)
   */
  WalkingChunkPlanner(ChunkQueries oldSide, TableShape shape, List<String> end) {
    this.oldSide = oldSide;
    this.shape = shape;
    this.end = List.copyOf(end);
  }

  @Override
  public Optional<List<String>> nextUpper(List<String> lower, int rows) throws SQLException {
    return oldSide.upperBoundary(shape, new ChunkRange(lower, end), rows);
  }

  @Override
  public void observed(ChunkRange range, long rows) {}
}
