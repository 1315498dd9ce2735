package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A chunk whose rows still differed after both sides had applied the same transactions.
 *
 * @param lowerExclusive key values just below the chunk (exclusive), empty when the chunk starts at
 *     the beginning of the table
 * @param upperInclusive the chunk's last key (inclusive), empty when it runs to the end
 * @param rowsOld rows in the chunk on the old side
 * @param rowsNew rows in the chunk on the new side
 * @param rows row-level differences, filled for chunks small enough to list; otherwise empty
 */
public record ChunkDrift(
    @JsonProperty(required = true) List<String> lowerExclusive,
    @JsonProperty(required = true) List<String> upperInclusive,
    @JsonProperty(required = true) long rowsOld,
    @JsonProperty(required = true) long rowsNew,
    @JsonProperty(required = true) List<RowDifference> rows) {

  public ChunkDrift {
    lowerExclusive = List.copyOf(lowerExclusive);
    upperInclusive = List.copyOf(upperInclusive);
    rows = List.copyOf(rows);
  }

  /**
   * The key range in interval notation, e.g. {@code (10, 20]} or {@code (start, end)}; a key of
   * several columns is written as rows are, {@code ((3, 997), (3, 1697)]}, so that the commas
   * between columns cannot be read as the one between the two ends.
   */
  public String range() {
    String lower = lowerExclusive.isEmpty() ? "(start" : "(" + key(lowerExclusive);
    String upper = upperInclusive.isEmpty() ? "end)" : key(upperInclusive) + "]";
    return lower + ", " + upper;
  }

  private static String key(List<String> columns) {
    return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
  }
}
