package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.RowDifference.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDiffTest {

  @Test
  void findsRowsOnlyOnOneSideAndChangedRows() {
    Map<List<String>, String> oldRows = new LinkedHashMap<>();
    oldRows.put(List.of("1"), "aa");
    oldRows.put(List.of("2"), "bb");
    oldRows.put(List.of("3"), "cc");
    Map<List<String>, String> newRows = new LinkedHashMap<>();
    newRows.put(List.of("1"), "aa");
    newRows.put(List.of("3"), "CC");
    newRows.put(List.of("4"), "dd");

    assertThat(RowDiff.diff(oldRows, newRows))
        .containsExactly(
            new RowDifference(List.of("2"), Kind.ONLY_OLD),
            new RowDifference(List.of("3"), Kind.CHANGED),
            new RowDifference(List.of("4"), Kind.ONLY_NEW));
  }

  @Test
  void identicalRowsHaveNoDifference() {
    Map<List<String>, String> rows = Map.of(List.of("1", "a"), "aa");

    assertThat(RowDiff.diff(rows, rows)).isEmpty();
  }
}
