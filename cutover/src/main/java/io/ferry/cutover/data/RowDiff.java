package io.ferry.cutover.data;

import io.ferry.cutover.report.RowDifference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the rows that differ between two sides' key-to-digest maps. */
final class RowDiff {

  private RowDiff() {}

  /** Differences in the old side's key order, then keys only on the new side. */
  static List<RowDifference> diff(
      Map<List<String>, String> oldRows, Map<List<String>, String> newRows) {
    List<RowDifference> differences = new ArrayList<>();
    Set<List<String>> keys = new LinkedHashSet<>(oldRows.keySet());
    keys.addAll(newRows.keySet());
    for (List<String> key : keys) {
      String before = oldRows.get(key);
      String after = newRows.get(key);
      if (after == null) {
        differences.add(new RowDifference(key, RowDifference.Kind.ONLY_OLD));
      } else if (before == null) {
        differences.add(new RowDifference(key, RowDifference.Kind.ONLY_NEW));
      } else if (!before.equals(after)) {
        differences.add(new RowDifference(key, RowDifference.Kind.CHANGED));
      }
    }
    return differences;
  }
}
