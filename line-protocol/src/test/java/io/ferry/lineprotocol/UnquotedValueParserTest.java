package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UnquotedValueParserTest {

  /**
   * The value as {@link UnquotedValueParser} reads it, after checking that a whole line gives the
   * same (the line parser reads the most common numbers itself, in the pass that finds their end).
   */
  private static FieldValue parse(String text) throws LineSyntaxException {
    FieldValue value = UnquotedValueParser.parse(text, 0, text.length(), "f");
    for (String line :
        new String[] {"m f=" + text, "m f=" + text + ",g=1i 5", "m f=" + text + " 5"}) {
      ParseResult parsed = LineProtocolParser.parse(line, Precision.NANOSECONDS, 0L);
      assertThat(parsed.errors()).as(line).isEmpty();
      assertThat(parsed.points().get(0).fields().get("f")).as(line).isEqualTo(value);
    }
    return value;
  }

  @Test
  void readsIntegersExactlyAsLongParseLongDoes() throws LineSyntaxException {
    var random = new Random(11L);
    for (int i = 0; i < 20_000; i++) {
      String digits = randomDigits(random);
      String text = (random.nextBoolean() ? "-" : "") + digits;

      assertThat(parse(text + "i")).as(text).isEqualTo(FieldValue.of(Long.parseLong(text)));
      assertThat(parse(digits + "u"))
          .as(digits)
          .isEqualTo(new FieldValue.UnsignedValue(Long.parseUnsignedLong(digits)));
    }
    for (String text :
        new String[] {
          "9223372036854775807", "-9223372036854775808", "-0", "0009223372036854775807"
        }) {
      assertThat(parse(text + "i")).as(text).isEqualTo(FieldValue.of(Long.parseLong(text)));
    }
    assertThat(parse("18446744073709551615u")).isEqualTo(new FieldValue.UnsignedValue(-1L));
  }

  @Test
  void readsTimestampsExactlyAsLongParseLongDoes() {
    var random = new Random(13L);
    for (int i = 0; i < 20_000; i++) {
      String text = (random.nextBoolean() ? "-" : "") + randomDigits(random);
      long expected = Long.parseLong(text);
      ParseResult parsed = LineProtocolParser.parse("m f=1 " + text, Precision.NANOSECONDS, 0L);

      if (expected >= PointLineParser.MIN_NANOS && expected <= PointLineParser.MAX_NANOS) {
        assertThat(parsed.points())
            .as(text)
            .singleElement()
            .extracting(Point::timestampNanos)
            .isEqualTo(expected);
      } else {
        assertThat(parsed.errors())
            .as(text)
            .singleElement()
            .extracting(LineError::reason)
            .asString()
            .contains("is out of range");
      }
    }
  }

  /** 1 to 19 digits, below 9 * 10^18 so that any of them fits in a long. */
  private static String randomDigits(Random random) {
    int count = 1 + random.nextInt(19);
    var out = new StringBuilder();
    if (count == 19) {
      out.append((char) ('1' + random.nextInt(8)));
      count--;
    }
    for (int d = 0; d < count; d++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
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

    assertThat(UnquotedValueParser.parse(line, 2, 5, "x")).isEqualTo(FieldValue.of(12L));
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
