package io.ferry.yamlconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueParsersTest {

  @Test
  void booleansInAnyCase() {
    assertThat(ValueParsers.bool("TRUE")).contains(true);
    assertThat(ValueParsers.bool(" false")).contains(false);
    assertThat(ValueParsers.bool("yes")).isEmpty();
  }

  @Test
  void wholeNumbersFitALong() {
    assertThat(ValueParsers.wholeNumber(" -12 ")).contains(-12L);
    assertThat(ValueParsers.wholeNumber("1e3")).isEmpty();
    assertThat(ValueParsers.wholeNumber("99999999999999999999")).isEmpty();
  }

  @Test
  void urlsMustBeHttpWithAHost() {
    assertThat(ValueParsers.httpUrl("http://c:8086/"))
        .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://c:8086"));
    assertThat(ValueParsers.httpUrl("HTTPS://c")).isPresent();
    assertThat(ValueParsers.httpUrl("c:8086")).isEmpty();
    assertThat(ValueParsers.httpUrl("ftp://c")).isEmpty();
    assertThat(ValueParsers.httpUrl("http://c:8086/?x=1")).isEmpty();
  }

  @Test
  void suggestsOnlyCloseKeys() {
    var known = List.of("interval", "jitter", "host");
    assertThat(KeySuggestion.closest("intreval", known)).contains("interval");
    assertThat(KeySuggestion.closest("hots", known)).contains("host");
    assertThat(KeySuggestion.closest("tags_extra", known)).isEmpty();
  }
}
