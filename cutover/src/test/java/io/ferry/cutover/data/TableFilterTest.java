package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableFilterTest {

  @Test
  void emptyIncludeCoversEverything() {
    assertThat(TableFilter.ALL.covers("shop", "orders")).isTrue();
  }

  @Test
  void databaseAndTablePatternsWithWildcards() {
    TableFilter filter = new TableFilter(List.of("shop", "blog.post*"), List.of("shop.tmp_*"));

    assertThat(filter.covers("shop", "orders")).isTrue();
    assertThat(filter.covers("shop", "tmp_import")).isFalse();
    assertThat(filter.covers("blog", "posts")).isTrue();
    assertThat(filter.covers("blog", "comments")).isFalse();
    assertThat(filter.covers("billing", "orders")).isFalse();
  }

  @Test
  void databaseCoverageFollowsIncludesAndWholeDatabaseExcludes() {
    TableFilter filter = new TableFilter(List.of("blog.posts"), List.of("archive"));

    assertThat(filter.coversDatabase("blog")).isTrue();
    assertThat(filter.coversDatabase("shop")).isFalse();
    assertThat(new TableFilter(List.of(), List.of("archive")).coversDatabase("archive")).isFalse();
  }

  @Test
  void malformedPatternIsRefusedWithTheListAndPattern() {
    assertThatThrownBy(() -> new TableFilter(List.of(), List.of("a.b.c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exclude")
        .hasMessageContaining("'a.b.c'");
  }
}
