package io.ferry.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValueParsersTest {

  @Test
  void durations() {
    assertThat(ValueParsers.duration("500ms")).contains(Duration.ofMillis(500));
    assertThat(ValueParsers.duration("10s")).contains(Duration.ofSeconds(10));
    assertThat(ValueParsers.duration("1m")).contains(Duration.ofMinutes(1));
    assertThat(ValueParsers.duration("2H")).contains(Duration.ofHours(2));
    assertThat(ValueParsers.duration("10")).isEmpty();
    assertThat(ValueParsers.duration("1.5s")).isEmpty();
    assertThat(ValueParsers.duration("-1s")).isEmpty();
  }

  @Test
  void effectiveConfigWritesDurationsInTheLargestExactUnit() {
    assertThat(EffectiveConfig.duration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(EffectiveConfig.duration(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(EffectiveConfig.duration(Duration.ofMinutes(120))).isEqualTo("2h");
  }

  @Test
  void urlsMustBeHttpWithAHost() {
    assertThat(ValueParsers.httpUrl("http://c:8086/"))
        .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://c:8086"));
    assertThat(ValueParsers.httpUrl("c:8086")).isEmpty();
    assertThat(ValueParsers.httpUrl("http://c:8086/?x=1")).isEmpty();
  }

  @Test
  void suggestsOnlyCloseKeys() {
    var known = java.util.List.of("interval", "jitter", "host");
    assertThat(KeySuggestion.closest("intreval", known)).contains("interval");
    assertThat(KeySuggestion.closest("hots", known)).contains("host");
    assertThat(KeySuggestion.closest("tags_extra", known)).isEmpty();
  }
}
