package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineProtocolBodyTest {

  private final LineProtocolBody body = new LineProtocolBody();

  @Test
  void isTheLinesOfThePointsInUtf8WithNanosecondTimestamps() {
    List<Point> points =
        List.of(
            Point.builder("température")
                .tag("lieu", "Zürich, CH")
                .field("v", 21.5)
                .timestampNanos(1_700_000_000_123_456_789L)
                .build(),
            Point.builder("emoji").tag("icon", "\uD83D\uDE80").field("n", 2L).build());

    assertThat(body.encode(points).getBytes())
        .isEqualTo(
            ("température,lieu=Zürich\\,\\ CH v=21.5 1700000000123456789\n"
                    + "emoji,icon=\uD83D\uDE80 n=2i\n")
                .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bodiesOfLongerLinesThanTheLastAreWholeToo() {
    List<Point> shortLines = points(1_000, "s");
    List<Point> longLines = points(1_000, "x".repeat(500));

    body.encode(shortLines);

    assertThat(body.encode(longLines).toString(StandardCharsets.UTF_8))
        .isEqualTo(LineProtocolWriter.toLines(longLines, Precision.NANOSECONDS));
  }

  private static List<Point> points(int count, String tagValue) {
    return IntStream.range(0, count)
        .mapToObj(i -> Point.builder("m").tag("t", tagValue).field("v", (double) i).build())
        .toList();
  }
}
