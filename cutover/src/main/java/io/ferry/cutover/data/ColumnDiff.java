package io.ferry.cutover.data;

import io.ferry.cutover.report.ColumnDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Names the columns whose values differ between one row's two sides. */
final class ColumnDiff {

  private ColumnDiff() {}

  /**
   * @param columns the compared columns, in the order of the values
   * @param oldValues the old side's values as read by {@link ChunkSql#rowByKey}
   * @param newValues the new side's values, likewise
   * @param showValues whether the (truncated) values go into the report; never for secret columns
   */
  static List<ColumnDifference> diff(
      List<Column> columns, List<String> oldValues, List<String> newValues, boolean showValues) {
    List<ColumnDifference> differing = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (Objects.equals(oldValues.get(i), newValues.get(i))) {
        continue;
      }
      String name = columns.get(i).name();
      boolean secret = SecretColumns.isSecret(name);
      differing.add(
          showValues && !secret
              ? new ColumnDifference(
                  name,
                  ColumnDifference.truncate(oldValues.get(i)),
                  ColumnDifference.truncate(newValues.get(i)),
                  false)
              : ColumnDifference.nameOnly(name, secret));
    }
    return differing;
  }
}
