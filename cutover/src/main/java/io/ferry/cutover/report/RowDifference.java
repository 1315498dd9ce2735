package io.ferry.cutover.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One row that differs between the clusters, found inside a small drifting chunk.
 *
 * @param key the row's primary-key values, in key order, as text
 * @param kind how it differs
 * @param columns for a {@link Kind#CHANGED} row, the columns whose values differ when the row was
 *     read again by its key on both sides (empty when it had changed again by then, and for rows on
 *     one side only)
 */
public record RowDifference(
    @JsonProperty(required = true) List<String> key,
    @JsonProperty(required = true) Kind kind,
    @JsonProperty(required = true) List<ColumnDifference> columns) {

  public RowDifference {
    key = List.copyOf(key);
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
  }

  /** A difference without column detail (a row on one side only, or not read again yet). */
  public RowDifference(List<String> key, Kind kind) {
    this(key, kind, List.of());
  }

  /** The same row with the columns found to differ. */
  public RowDifference withColumns(List<ColumnDifference> differing) {
    return new RowDifference(key, kind, differing);
  }

  /**
   * For people: {@code (1234) differs in total, note}, {@code (12) only on the old cluster}. Values
   * appear only when the report holds them.
   */
  public String describe() {
    return describe("the old cluster", "the new cluster");
  }

  /**
   * For people, naming the sides: {@code (12) only on the primary} with {@code "the primary"} as
   * the first side (a replica's comparison with its primary).
   *
   * @param firstSide where an {@link Kind#ONLY_OLD} row is, e.g. {@code the old cluster}
   * @param secondSide where an {@link Kind#ONLY_NEW} row is
   */
  public String describe(String firstSide, String secondSide) {
    String where = "(" + String.join(", ", key) + ")";
    return switch (kind) {
      case ONLY_OLD -> where + " only on " + firstSide;
      case ONLY_NEW -> where + " only on " + secondSide;
      case CHANGED ->
          columns.isEmpty()
              ? where + " differs (changed again before its columns could be read)"
              : where
                  + " differs in "
                  + String.join(
                      // values may hold commas
                      columns.stream().anyMatch(ColumnDifference::valuesShown) ? "; " : ", ",
                      columns.stream().map(ColumnDifference::describe).toList());
    };
  }

  /** How a row differs. */
  public enum Kind {
    /** The key exists on the old side only (deleted on the new side, or never arrived). */
    ONLY_OLD,
    /** The key exists on the new side only. */
    ONLY_NEW,
    /** The key exists on both sides but the row's contents differ. */
    CHANGED
  }
}
