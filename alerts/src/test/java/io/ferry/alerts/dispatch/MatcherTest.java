package io.ferry.alerts.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.alerts.Labels;
import org.junit.jupiter.api.Test;

class MatcherTest {

  private static final Labels DB1 =
      Labels.of("alertname", "DiskFull", "host", "db1", "severity", "page");

  @Test
  void parsesTheFourOperatorsWithQuotedOrBareValues() {
    assertThat(Matcher.parse("host=\"db1\""))
        .isEqualTo(new Matcher("host", Matcher.Op.EQUAL, "db1"));
    assertThat(Matcher.parse(" host != db2 "))
        .isEqualTo(new Matcher("host", Matcher.Op.NOT_EQUAL, "db2"));
    assertThat(Matcher.parse("severity=~\"page|ticket\""))
        .isEqualTo(new Matcher("severity", Matcher.Op.REGEX, "page|ticket"));
    assertThat(Matcher.parse("env!~test"))
        .isEqualTo(new Matcher("env", Matcher.Op.NOT_REGEX, "test"));
    assertThat(Matcher.parse("summary=\"say \\\"hi\\\"\"").value()).isEqualTo("say \"hi\"");
    assertThat(Matcher.parse("host=~\"db\\.example\"").value()).isEqualTo("db\\.example");
    assertThat(Matcher.parse("host=~\"db\\.example\"").matches(Labels.of("host", "dbxexample")))
        .isFalse();
  }

  @Test
  void printsTextThatParsesBack() {
    Matcher matcher = new Matcher("summary", Matcher.Op.EQUAL, "a\"b\\c");
    assertThat(Matcher.parse(matcher.toString())).isEqualTo(matcher);
    assertThat(Matcher.parse("host=db1")).hasToString("host=\"db1\"");
  }

  @Test
  void matchesWithAnchoredRegexesAndMissingLabelsAsEmpty() {
    assertThat(Matcher.parse("host=\"db1\"").matches(DB1)).isTrue();
    assertThat(Matcher.parse("host!=\"db1\"").matches(DB1)).isFalse();
    assertThat(Matcher.parse("severity=~\"page|ticket\"").matches(DB1)).isTrue();
    assertThat(Matcher.parse("host=~\"db\"").matches(DB1)).as("anchored").isFalse();
    assertThat(Matcher.parse("host!~\"db.*\"").matches(DB1)).isFalse();
    assertThat(Matcher.parse("team!=\"dba\"").matches(DB1)).isTrue();
    assertThat(Matcher.parse("team=\"\"").matches(DB1)).isTrue();
    assertThat(Matcher.parse("team=~\".+\"").matches(DB1)).isFalse();
  }

  @Test
  void rejectsBadTextAndBadRegexes() {
    assertThatThrownBy(() -> Matcher.parse("host")).hasMessageContaining("expected a matcher");
    assertThatThrownBy(() -> Matcher.parse("=db1")).hasMessageContaining("expected a matcher");
    assertThatThrownBy(() -> Matcher.parse("host=~\"(db\""))
        .hasMessageContaining("bad regular expression \"(db\"");
    assertThatThrownBy(() -> Matcher.parse("host=\"db1")).hasMessageContaining("quote");
    assertThat(Matcher.tryParse("nope")).isEmpty();
  }
}
