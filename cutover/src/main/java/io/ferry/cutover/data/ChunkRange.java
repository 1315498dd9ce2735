package io.ferry.cutover.data;

import java.util.List;

/**
 * A range of primary-key values: after {@code lowerExclusive} up to and including {@code
 * upperInclusive}; an empty list leaves that end open.
 *
 * @param lowerExclusive key values just below the range, or empty from the table's start
 * @param upperInclusive the range's last key values, or empty to the table's end
 */
public record ChunkRange(List<String> lowerExclusive, List<String> upperInclusive) {

  /** The whole table. */
  public static final ChunkRange WHOLE_TABLE = new ChunkRange(List.of(), List.of());

  public ChunkRange {
    lowerExclusive = List.copyOf(lowerExclusive);
    upperInclusive = List.copyOf(upperInclusive);
  }

  /** Whether the range has a lower bound. */
  public boolean hasLower() {
    return !lowerExclusive.isEmpty();
  }

  /** Whether the range has an upper bound. */
  public boolean hasUpper() {
    return !upperInclusive.isEmpty();
  }
}
