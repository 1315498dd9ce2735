package io.ferry.cutover.report;

import java.util.List;

/**
 * One row that differs between the clusters, found inside a small drifting chunk.
 *
 * @param key the row's primary-key values, in key order, as text
 * @param kind how it differs
 */
public record RowDifference(List<String> key, Kind kind) {

  public RowDifference {
    key = List.copyOf(key);
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
