package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnquotedValueParserTest {

  private static FieldValue parse(String text) throws LineSyntaxException {
    return UnquotedValueParser.parse(text.toCharArray(), text, 0, text.length(), "f");
  }

  @Test
  void readsShortDecimalsExactlyAsDoubleParseDoubleDoes() throws LineSyntaxException {
    var random = new Random(7L);
    for (int i = 0; i < 20_000; i++) {
      String text = randomDecimal(random);

      assertThat(parse(text)).as(text).isEqualTo(FieldValue.of(Double.parseDouble(text)));
    }
  }

  @Test
  void readsLongDecimalsAndExponentsAsDoubleParseDoubleDoes() throws LineSyntaxException {
    for (String text :
        new String[] {
          "9007199254740993",
          "0.1000000000000000055511151231257827",
          "123456789012345678.9",
          "1e-320",
          "2.2250738585072014E-308",
          "-1.5e+300",
          "0000000000000000001.25"
        }) {
      assertThat(parse(text)).as(text).isEqualTo(FieldValue.of(Double.parseDouble(text)));
    }
  }

  @Test
  void keepsTheSignOfNegativeZero() throws LineSyntaxException {
    assertThat(parse("-0")).isEqualTo(FieldValue.of(-0.0));
    assertThat(parse("-0.0")).isNotEqualTo(FieldValue.of(0.0));
  }

  @Test
  void readsValuesInsideALongerText() throws LineSyntaxException {
    String line = "x=12i,y";

    assertThat(UnquotedValueParser.parse(line.toCharArray(), line, 2, 5, "x"))
        .isEqualTo(FieldValue.of(12L));
  }

  /** Up to 15 digits with an optional point anywhere and an optional sign. */
  private static String randomDecimal(Random random) {
    var out = new StringBuilder();
    if (random.nextBoolean()) {
      out.append('-');
    }
    int digits = 1 + random.nextInt(15);
    int point = random.nextInt(digits + 1);
    for (int d = 0; d < digits; d++) {
      if (d == point) {
        out.append('.');
      }
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }
}
