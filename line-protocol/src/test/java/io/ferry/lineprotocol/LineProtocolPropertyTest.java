package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the parser on generated and mutated input: no exception escapes, every line is
 * either parsed or refused with a reason and its number, and what parses is written back by {@link
 * LineProtocolWriter} as text that parses to the same points, and the result (points, reasons, line
 * numbers, excerpts) is exactly that of the parser as it was before it read each line in one pass
 * ({@link ReferenceLineProtocolParser}). The number of tries comes from {@code jqwik.tries.default}
 * (1,000 in the normal build; see docs/benchmarks.md for a run of millions).
 */
class LineProtocolPropertyTest {

  private static final long NOW = 1_700_000_000_000_000_000L;

  /** Characters line protocol gives a meaning to, plus some ordinary and multi-byte ones. */
  private static final char[] SYNTAX = ",= \"\\#\n\r\t".toCharArray();

  private static final char[] VALUE_TEXT = "0123456789.-+eEiutTfFrRaAlLsS".toCharArray();

  @Property
  void aSingleLineIsEitherOnePointOrOneRefusalWithAReason(@ForAll("singleLines") String line) {
    ParseResult result = LineProtocolParser.parse(line, Precision.NANOSECONDS, NOW);

    // A \r is dropped only at the end of a line; leading spaces and tabs are skipped.
    String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    int start = 0;
    while (start < content.length()
        && (content.charAt(start) == ' ' || content.charAt(start) == '\t')) {
      start++;
    }
    boolean skipped = start == content.length() || content.charAt(start) == '#';
    if (skipped) {
      assertThat(result.points()).isEmpty();
      assertThat(result.errors()).isEmpty();
      return;
    }
    assertThat(result.points().size() + result.errors().size()).isEqualTo(1);
    for (LineError error : result.errors()) {
      assertThat(error.lineNumber()).isEqualTo(1);
      assertThat(error.reason()).isNotBlank();
    }
  }

  @Property
  void noExceptionEscapesAndEveryRefusalNamesALineOfTheBody(@ForAll("bodies") String body) {
    ParseResult result = LineProtocolParser.parse(body, Precision.NANOSECONDS, NOW);

    long physicalLines = body.chars().filter(c -> c == '\n').count() + 1;
    assertThat(result.points().size() + result.errors().size())
        .isLessThanOrEqualTo((int) physicalLines);
    int previous = 0;
    for (LineError error : result.errors()) {
      assertThat(error.lineNumber())
          .isGreaterThan(previous)
          .isLessThanOrEqualTo((int) physicalLines);
      assertThat(error.reason()).isNotBlank();
      previous = error.lineNumber();
    }
  }

  @Property
  void whatParsesIsWrittenBackAsTheSamePoints(@ForAll("bodies") String body) {
    List<Point> points = LineProtocolParser.parse(body, Precision.NANOSECONDS, NOW).points();

    ParseResult again =
        LineProtocolParser.parse(
            LineProtocolWriter.toLines(points, Precision.NANOSECONDS), Precision.NANOSECONDS, NOW);

    assertThat(again.errors()).isEmpty();
    assertThat(again.points()).isEqualTo(points);
  }

  @Property
  void generatedPointsSurviveWritingAndParsing(@ForAll("points") Point point) {
    ParseResult parsed =
        LineProtocolParser.parse(LineProtocolWriter.toLine(point), Precision.NANOSECONDS, NOW);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.points()).containsExactly(point);
  }

  @Property
  void parsesExactlyAsTheTwoPassParserDid(
      @ForAll("bodies") String body,
      @ForAll Precision precision,
      @ForAll("lineLimits") int maxLineLength) {
    // A rule that refuses some points and keeps others changed, as the collector's do.
    PointRule rule =
        point -> {
          if (point.measurement().startsWith("b")) {
            throw new PointRefusedException("refused: " + point.measurement());
          }
          return point.tags().isEmpty() ? point : point.withDefaultTimestamp(NOW);
        };
    var rules = new ParseRules(maxLineLength, rule);

    ParseResult result = LineProtocolParser.parse(body, precision, NOW, rules);

    assertThat(result).isEqualTo(ReferenceLineProtocolParser.parse(body, precision, NOW, rules));
  }

  /** Mostly no limit; sometimes one that the generated lines reach. */
  @Provide
  Arbitrary<Integer> lineLimits() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(Integer.MAX_VALUE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 60)));
  }

  /** Lines without a line break (a quoted string may not hide one). */
  @Provide
  Arbitrary<String> singleLines() {
    return lines().map(line -> line.replace('\n', ' '));
  }

  /** Bodies of a few lines, each a written point, a mutation of one, or arbitrary text. */
  @Provide
  Arbitrary<String> bodies() {
    return Arbitraries.oneOf(
        lines(), lines().list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("\n", l)));
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> written = points().map(LineProtocolWriter::toLine);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, written),
        net.jqwik.api.Tuple.of(5, mutated(written)),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.strings()
                .withChars(SYNTAX)
                .withChars(VALUE_TEXT)
                .withCharRange('a', 'c')
                .ofMaxLength(30)));
  }

  /** A written line with one to three characters inserted, replaced or deleted. */
  private static Arbitrary<String> mutated(Arbitrary<String> lines) {
    Arbitrary<Character> interesting =
        Arbitraries.oneOf(
            Arbitraries.of(
                SYNTAX[0], SYNTAX[1], SYNTAX[2], SYNTAX[3], SYNTAX[4], SYNTAX[5], SYNTAX[6],
                SYNTAX[7], SYNTAX[8]),
            Arbitraries.chars().with(VALUE_TEXT),
            Arbitraries.chars().with('é', '\u00a0', '\uFFFD', '\uD83D', '\uDE80'));
    return LineMutations.mutated(lines, interesting);
  }

  @Provide
  Arbitrary<Point> points() {
    // A measurement starting with # would read as a comment, one starting with a tab as indented.
    Arbitrary<String> keys = keyText().filter(k -> !k.startsWith("#") && !k.startsWith("\t"));
    Arbitrary<Map<String, String>> tags = Arbitraries.maps(keyText(), keyText()).ofMaxSize(3);
    Arbitrary<Map<String, FieldValue>> fields =
        Arbitraries.maps(keyText(), fieldValues()).ofMinSize(1).ofMaxSize(3);
    Arbitrary<Long> timestamps =
        Arbitraries.longs().between(PointLineParser.MIN_NANOS, PointLineParser.MAX_NANOS);
    return Combinators.combine(keys, tags, fields, timestamps)
        .as(
            (measurement, tagMap, fieldMap, timestamp) -> {
              var builder = Point.builder(measurement).tags(tagMap).timestampNanos(timestamp);
              fieldMap.forEach(builder::field);
              return builder.build();
            });
  }

  /**
   * Keys and tag values: any characters but line breaks, never ending with a backslash (line
   * protocol cannot express that: it would escape the separator after it).
   */
  private static Arbitrary<String> keyText() {
    return Arbitraries.strings()
        .withChars(",= \"\\#\t".toCharArray())
        .withCharRange('a', 'e')
        .withChars('é', '☃')
        .ofMinLength(1)
        .ofMaxLength(8)
        .filter(s -> !s.endsWith("\\"));
  }

  private static Arbitrary<FieldValue> fieldValues() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().map(FieldValue.FloatValue::new),
        Arbitraries.longs().map(FieldValue.IntegerValue::new),
        Arbitraries.longs().map(FieldValue.UnsignedValue::new),
        Arbitraries.of(true, false).map(FieldValue.BooleanValue::new),
        Arbitraries.strings()
            .withChars(",= \"\\\n#".toCharArray())
            .withCharRange('a', 'c')
            .ofMaxLength(10)
            .map(FieldValue.StringValue::new));
  }
}
