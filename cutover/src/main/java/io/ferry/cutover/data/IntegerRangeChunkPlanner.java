package io.ferry.cutover.data;

import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Plans chunks of a table whose primary key is one integer column by arithmetic on the key, so no
 * rows are read to find where a chunk ends: a chunk spans as many key values as the wanted row
 * count divided by the key density measured on the previous chunk. An empty chunk makes the next
 * one start its span at the old side's next existing key (one index seek), so gaps in the key are
 * crossed at once while still being covered (rows only on the new side inside a gap are counted).
 */
final class IntegerRangeChunkPlanner implements ChunkPlanner {

  private final ChunkQueries oldSide;
  private final TableShape shape;
  private final BigInteger end;
  private double density = 1.0;
  private boolean lastChunkEmpty;

  /**
   * @param end the last key compared
   */
  IntegerRangeChunkPlanner(ChunkQueries oldSide, TableShape shape, String end) {
    this.oldSide = oldSide;
    this.shape = shape;
    this.end = new BigInteger(end);
  }

  /** Whether the table's key is a single integer column, so this planner applies. */
  static boolean appliesTo(TableShape shape) {
    return shape.key().size() == 1 && shape.key().get(0).integer();
  }

  @Override
  public Optional<List<String>> nextUpper(List<String> lower, int rows) throws SQLException {
    BigInteger start;
    if (lower.isEmpty() || lastChunkEmpty) {
      Optional<List<String>> next = oldSide.firstKeyAfter(shape, lower);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      start = new BigInteger(next.get().get(0)).subtract(BigInteger.ONE);
    } else {
      start = new BigInteger(lower.get(0));
    }
    long span = Math.max(1, (long) Math.ceil(rows / density));
    BigInteger upper = start.add(BigInteger.valueOf(span));
    if (upper.compareTo(end) >= 0) {
      return Optional.empty();
    }
    return Optional.of(List.of(upper.toString()));
  }

  @Override
  public void observed(ChunkRange range, long rows) {
    lastChunkEmpty = rows == 0;
    if (rows == 0 || !range.hasLower() || !range.hasUpper()) {
      return;
    }
    BigInteger span =
        new BigInteger(range.upperInclusive().get(0))
            .subtract(new BigInteger(range.lowerExclusive().get(0)));
    if (span.signum() > 0) {
      density = Math.min(1.0, rows / span.doubleValue());
    }
  }
}
