package io.ferry.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GtidPositionTest {

  @Test
  void parsesOneSequenceNumberPerDomain() {
    assertThat(GtidPosition.parse("1-1-42,3-3-7").seqnoByDomain())
        .isEqualTo(Map.of(1L, 42L, 3L, 7L));
  }

  @Test
  void emptyTextIsTheEmptyPosition() {
    assertThat(GtidPosition.parse("")).isEqualTo(GtidPosition.EMPTY);
    assertThat(GtidPosition.parse(null)).isEqualTo(GtidPosition.EMPTY);
  }

  @Test
  void sameDomainFromTwoServersKeepsTheHigherSequenceNumber() {
    assertThat(GtidPosition.parse("0-1-10,0-2-12").seqnoByDomain()).isEqualTo(Map.of(0L, 12L));
  }

  @Test
  void reachedComparesOnlyTheTargetsDomains() {
    GtidPosition replica = GtidPosition.parse("1-1-42,3-3-7,4-4-100");

    assertThat(replica.reached(GtidPosition.parse("1-1-42,3-3-7"))).isTrue();
    assertThat(replica.reached(GtidPosition.parse("1-1-43"))).isFalse();
    assertThat(replica.reached(GtidPosition.parse("2-2-1"))).isFalse();
    assertThat(replica.reached(GtidPosition.EMPTY)).isTrue();
  }

  @Test
  void unionTakesTheHigherSequenceNumberOfEachDomain() {
    GtidPosition union = GtidPosition.parse("1-1-5,3-3-9").union(GtidPosition.parse("1-1-8,2-2-1"));

    assertThat(union.seqnoByDomain()).isEqualTo(Map.of(1L, 8L, 2L, 1L, 3L, 9L));
  }

  @Test
  void malformedGtidIsNamedInTheError() {
    assertThatThrownBy(() -> GtidPosition.parse("1-1-5,3-x-9"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'3-x-9'")
        .hasMessageContaining("1-1-5,3-x-9");
    assertThatThrownBy(() -> GtidPosition.parse("0-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'0-1'");
  }
}
