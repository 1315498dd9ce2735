package io.ferry.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.report.RowDifference.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowDifferenceTest {

  @Test
  void aChangedRowNamesItsColumnsAndTheirValuesWhenKept() {
    assertThat(
            new RowDifference(
                    List.of("3", "0A"),
                    Kind.CHANGED,
                    List.of(
                        ColumnDifference.nameOnly("total", false),
                        ColumnDifference.nameOnly("password", true)))
                .describe())
        .isEqualTo("(3, 0A) differs in total, password (secret, values never shown)");
    assertThat(
            new RowDifference(
                    List.of("3"),
                    Kind.CHANGED,
                    List.of(
                        new ColumnDifference("note", "'a, b'", "NULL", false),
                        new ColumnDifference("qty", "1", "2", false)))
                .describe())
        .isEqualTo("(3) differs in note: 'a, b' -> NULL; qty: 1 -> 2");
    assertThat(new RowDifference(List.of("3"), Kind.CHANGED).describe())
        .isEqualTo("(3) differs (changed again before its columns could be read)");
    assertThat(new RowDifference(List.of("4"), Kind.ONLY_NEW).describe())
        .isEqualTo("(4) only on the new cluster");
  }

  @Test
  void valuesAreCutTo64CharactersCountingCodePoints() {
    String emoji = "😀".repeat(70);

    String cut = ColumnDifference.truncate(emoji);

    assertThat(cut.codePointCount(0, cut.length())).isEqualTo(64);
    assertThat(cut).endsWith("😀…");
    assertThat(ColumnDifference.truncate("x".repeat(64))).isEqualTo("x".repeat(64));
    assertThat(ColumnDifference.truncate(null)).isNull();
  }

  @Test
  void aSecretColumnCannotCarryValues() {
    assertThatThrownBy(() -> new ColumnDifference("api_token", "a", "b", true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
