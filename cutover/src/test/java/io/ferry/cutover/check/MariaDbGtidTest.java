package io.ferry.cutover.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbGtidTest {

  @Test
  void parsesAListWithSpacesAndNewLines() {
    assertThat(MariaDbGtid.parseList("1-1-42,\n3-3-7, 0-10-18446744073709551615"))
        .containsExactly(
            new MariaDbGtid(1, 1, 42),
            new MariaDbGtid(3, 3, 7),
            new MariaDbGtid(0, 10, Long.parseUnsignedLong("18446744073709551615")));
  }

  @Test
  void emptyTextIsAnEmptyList() {
    assertThat(MariaDbGtid.parseList("")).isEmpty();
  }

  @Test
  void keepsTheHighestSequencePerDomain() {
    List<MariaDbGtid> state = MariaDbGtid.parseList("1-1-40,1-3-42,3-3-7");

    assertThat(MariaDbGtid.latestPerDomain(state).values())
        .containsExactly(new MariaDbGtid(1, 3, 42), new MariaDbGtid(3, 3, 7));
    assertThat(MariaDbGtid.render(List.copyOf(MariaDbGtid.latestPerDomain(state).values())))
        .isEqualTo("1-3-42,3-3-7");
  }

  @Test
  void malformedEntryIsNamed() {
    assertThatThrownBy(() -> MariaDbGtid.parseList("1-1-4,3e11fa47:1-5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'3e11fa47:1-5'");
  }
}
