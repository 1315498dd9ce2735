package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link LineProtocolWriter} writes for points {@link LineProtocolParser} read. */
class ForwardedLineTest {

  private static final long RECEIVED = 1_700_000_000_123_456_789L;

  private static List<Point> parse(String body, Precision precision) {
    ParseResult result = LineProtocolParser.parse(body, precision, RECEIVED);
    assertThat(result.errors()).isEmpty();
    return result.points();
  }

  @Test
  void aLineIsWrittenAsSentWithItsTimestampInTheWritersPrecision() {
    List<Point> points =
        parse(
            "  disk\\ io,zone=b,host=a  used=1.50,ok=T,note=\"a \\\"b\\\" c\\\\\"   1700000000\r\n"
                + "cpu,host=x\\,y\\=z usage=1E3\n",
            Precision.SECONDS);

    assertThat(LineProtocolWriter.toLines(points, Precision.NANOSECONDS))
        .isEqualTo(
            "disk\\ io,zone=b,host=a  used=1.50,ok=T,note=\"a \\\"b\\\" c\\\\\" 1700000000000000000\n"
                + "cpu,host=x\\,y\\=z usage=1E3 "
                + RECEIVED
                + "\n");
    assertThat(LineProtocolWriter.toLines(points, Precision.MILLISECONDS))
        .endsWith("usage=1E3 " + RECEIVED / 1_000_000 + "\n");
  }

  @Test
  void aLineGivingAFieldTwiceIsEncodedFromItsPoint() {
    Point point = parse("m a=1i,b=2i,a=3i 5", Precision.NANOSECONDS).get(0);

    assertThat(point.hasSource()).isFalse();
    assertThat(LineProtocolWriter.toLine(point)).isEqualTo("m a=3i,b=2i 5");
  }

  @Test
  void aPointARuleChangedIsEncodedFromItsFields() {
    PointRule dropB =
        point ->
            new Point(
                point.measurement(),
                point.tags(),
                java.util.Map.of("a", point.fields().get("a")),
                point.timestampNanos());
    ParseResult result =
        LineProtocolParser.parse(
            "m,t=1 a=1.50,b=2 7", Precision.NANOSECONDS, RECEIVED, new ParseRules(100, dropB));

    assertThat(result.points().get(0).hasSource()).isFalse();
    assertThat(LineProtocolWriter.toLine(result.points().get(0))).isEqualTo("m,t=1 a=1.5 7");
  }

  @Test
  void theSourceIsNotPartOfThePointsValue() {
    Point read = parse("m,b=2,a=1 v=1.50 9", Precision.NANOSECONDS).get(0);
    Point built = Point.builder("m").tag("a", "1").tag("b", "2").field("v", 1.5).build();
    Point stamped = built.withDefaultTimestamp(9);

    assertThat(read).isEqualTo(stamped).hasSameHashCodeAs(stamped);
    assertThat(read.toString()).isEqualTo(stamped.toString());
    assertThat(read.withoutSource().hasSource()).isFalse();
    assertThat(read.withoutSource()).isEqualTo(read);
    assertThat(LineProtocolWriter.toLine(read.withoutSource())).isEqualTo("m,a=1,b=2 v=1.5 9");
    assertThatThrownBy(() -> built.appendSource(new StringBuilder()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pointsOfABodyOfMostlyCommentsKeepOnlyTheirLines() {
    String comments = "# " + "x".repeat(10_000) + "\n";
    String body = comments + "m v=1 1\n" + comments + "n w=2 2\n";

    List<Point> points = parse(body, Precision.NANOSECONDS);

    assertThat(points).allSatisfy(point -> assertThat(point.sourceText()).isEqualTo("m v=1n w=2"));
    assertThat(LineProtocolWriter.toLines(points, Precision.NANOSECONDS))
        .isEqualTo("m v=1 1\nn w=2 2\n");
  }

  @Test
  void pointsOfABodyOfMostlyLinesShareTheBody() {
    String body = "m v=1 1\n# short\nn w=2 2\n";

    List<Point> points = parse(body, Precision.NANOSECONDS);

    assertThat(points).allSatisfy(point -> assertThat(point.sourceText()).isSameAs(body));
  }
}
