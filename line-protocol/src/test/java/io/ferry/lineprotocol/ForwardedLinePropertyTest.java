package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential property of forwarding parsed lines as received ({@link
 * LineProtocolWriter#appendLine} on a point with a source) against encoding them from the parsed
 * points ({@link LineProtocolWriter#appendEncoded}): both texts parse to the same points, which are
 * the points of the body as sent. Bodies are written the many ways senders write them: tags out of
 * order, floats as {@code 1.50}, {@code 1.5E3} or plain digits, booleans as {@code t} or {@code
 * TRUE}, several spaces between sections, trailing spaces, {@code \r\n}, no timestamp, a field key
 * given twice, comments, and mutations of all of these; in every precision.
 */
class ForwardedLinePropertyTest {

  private static final long NOW = 1_700_000_000_000_000_000L;

  /** Another default time, so that a timestamp missing from a forwarded line would show. */
  private static final long LATER = NOW + 1_000_000_007L;

  @Property
  void forwardedAndEncodedTextsParseToTheSamePoints(
      @ForAll("sentBodies") String body, @ForAll Precision precision) {
    List<Point> points = LineProtocolParser.parse(body, precision, NOW).points();
    Statistics.label("forwarded as received")
        .collect(points.stream().anyMatch(Point::hasSource))
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 30));

    var forwarded = new StringBuilder();
    var encoded = new StringBuilder();
    for (Point point : points) {
      LineProtocolWriter.appendLine(forwarded, point, Precision.NANOSECONDS);
      forwarded.append('\n');
      LineProtocolWriter.appendEncoded(encoded, point, Precision.NANOSECONDS);
      encoded.append('\n');
    }
    ParseResult fromForwarded =
        LineProtocolParser.parse(forwarded.toString(), Precision.NANOSECONDS, LATER);
    ParseResult fromEncoded =
        LineProtocolParser.parse(encoded.toString(), Precision.NANOSECONDS, LATER);

    assertThat(fromForwarded.errors()).isEmpty();
    assertThat(fromEncoded.errors()).isEmpty();
    assertThat(fromForwarded.points()).isEqualTo(fromEncoded.points()).isEqualTo(points);
  }

  @Property
  void aLineIsForwardedAsSentUpToItsFieldsWithItsTimestampInNanoseconds(
      @ForAll("sentLines") String line, @ForAll Precision precision) {
    ParseResult parsed = LineProtocolParser.parse(line, precision, NOW);
    if (parsed.points().isEmpty() || !parsed.points().get(0).hasSource()) {
      return;
    }
    Point point = parsed.points().get(0);

    String forwarded = LineProtocolWriter.toLine(point);

    String suffix = " " + point.timestampNanos();
    assertThat(forwarded).endsWith(suffix);
    String sentPart = forwarded.substring(0, forwarded.length() - suffix.length());
    assertThat(line.stripLeading()).startsWith(sentPart);
  }

  /** Bodies of sent lines, comments and mutated lines, joined by {@code \n} or {@code \r\n}. */
  @Provide
  Arbitrary<String> sentBodies() {
    Arbitrary<String> line =
        Arbitraries.frequencyOf(
            Tuple.of(6, sentLines()),
            Tuple.of(2, mutated(sentLines())),
            Tuple.of(1, Arbitraries.of("# a comment", "", "   ", "#m v=1")));
    return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of("\n", "\r\n"))
        .as((lines, separator) -> String.join(separator, lines));
  }

  /** One point as a sender might write it (see the class comment). */
  @Provide
  Arbitrary<String> sentLines() {
    Arbitrary<List<String>> tags = tag().list().ofMaxSize(4).uniqueElements(t -> t.split("=")[0]);
    Arbitrary<List<String>> fields = field().list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<String> timestamp =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.longs().between(-2_000_000_000L, 2_000_000_000L).map(String::valueOf),
            Arbitraries.longs()
                .between(1_000_000_000_000_000_000L, 1_900_000_000_000_000_000L)
                .map(String::valueOf),
            Arbitraries.of("0001700000000", "-0"));
    Arbitrary<String> spaces = Arbitraries.of(" ", " ", "  ");
    Arbitrary<String> measurement =
        Arbitraries.of("cpu", "disk io", "m\\ x", "m\\,y", "a=b", "température", "m\\");
    return Combinators.combine(
            measurement,
            tags,
            fields,
            timestamp,
            spaces,
            spaces,
            Arbitraries.of("", " ", "  "),
            Arbitraries.of(false, false, false, true))
        .as(
            (name, tagList, fieldList, time, beforeFields, beforeTime, trailing, repeat) -> {
              var line = new StringBuilder(escapeMeasurement(name));
              tagList.forEach(tag -> line.append(',').append(tag));
              line.append(beforeFields).append(String.join(",", fieldList));
              if (repeat) {
                // The same key again with another value of its type: the last one counts.
                String first = fieldList.get(0);
                int equals = first.indexOf('=');
                while (first.charAt(equals - 1) == '\\') {
                  equals = first.indexOf('=', equals + 1);
                }
                line.append(',')
                    .append(first, 0, equals)
                    .append('=')
                    .append(otherValueOfSameType(first.substring(equals + 1)));
              }
              if (!time.isEmpty()) {
                line.append(beforeTime).append(time);
              }
              return line.append(trailing).toString();
            });
  }

  /** Another value of the type {@code value} has (a different type would be refused). */
  private static String otherValueOfSameType(String value) {
    if (value.startsWith("\"")) {
      return "\"again\"";
    }
    if (value.equals("true") || value.equals("false") || value.equals("t") || value.equals("f")) {
      return "false";
    }
    if (value.endsWith("i")) {
      return "7i";
    }
    if (value.endsWith("u")) {
      return "7u";
    }
    return "7.5";
  }

  private static String escapeMeasurement(String name) {
    return name.equals("disk io") ? "disk\\ io" : name;
  }

  private static Arbitrary<String> tag() {
    return Combinators.combine(key(), key()).as((k, v) -> k + "=" + v);
  }

  private static Arbitrary<String> field() {
    return Combinators.combine(key(), value()).as((k, v) -> k + "=" + v);
  }

  /** Keys and tag values, escaped or not. */
  private static Arbitrary<String> key() {
    return Arbitraries.of(
        "host", "a", "b", "zone", "x\\ y", "x\\,y", "x\\=y", "é", "☃", "back\\slash", "q\"uote");
  }

  /** Field values in the forms senders write: several spellings of one number or boolean. */
  private static Arbitrary<String> value() {
    Arbitrary<String> floats =
        Arbitraries.doubles()
            .between(-1e20, 1e20)
            .flatMap(
                d ->
                    Arbitraries.of(
                        Double.toString(d),
                        new BigDecimal(d).toPlainString(),
                        String.format(java.util.Locale.ROOT, "%.3f", d),
                        String.format(java.util.Locale.ROOT, "%.6e", d)));
    Arbitrary<String> integers =
        Combinators.combine(Arbitraries.longs(), Arbitraries.of("i", "u")).as((l, u) -> l + u);
    Arbitrary<String> booleans =
        Arbitraries.of("t", "T", "true", "True", "TRUE", "f", "F", "false", "False", "FALSE");
    Arbitrary<String> strings =
        Arbitraries.of(
            "\"\"",
            "\"plain\"",
            "\"with \\\"quotes\\\"\"",
            "\"back\\\\slash\"",
            "\"odd \\ backslash\"",
            "\"a, b=c d\"",
            "\"two\nlines\"",
            "\"crlf\r\ninside\"");
    return Arbitraries.oneOf(
        floats,
        integers,
        booleans,
        strings,
        Arbitraries.of("1", "1.50", ".5", "-0", "1e3", "1E-3"));
  }

  /** A line with one to three characters inserted, replaced or deleted. */
  private static Arbitrary<String> mutated(Arbitrary<String> lines) {
    return LineMutations.mutated(lines, Arbitraries.chars().with(",= \"\\#\n\r\t0123456789.-ie"));
  }

  /** A point keeps a copy of its batch's accepted lines, not a body of mostly refused ones. */
  @Property(tries = 200)
  void aBodyOfMostlyRefusedLinesIsNotKeptWhole(@ForAll("sentLines") String good) {
    List<String> lines = new ArrayList<>(Collections.nCopies(50, "refused line without fields"));
    lines.add(good);
    String body = String.join("\n", lines);

    List<Point> points = LineProtocolParser.parse(body, Precision.SECONDS, NOW).points();

    for (Point point : points) {
      if (point.hasSource()) {
        assertThat(point.sourceText().length()).isLessThanOrEqualTo(good.length());
      }
    }
    String forwarded = LineProtocolWriter.toLines(points, Precision.NANOSECONDS);
    assertThat(LineProtocolParser.parse(forwarded, Precision.NANOSECONDS, NOW).points())
        .isEqualTo(points);
  }
}
