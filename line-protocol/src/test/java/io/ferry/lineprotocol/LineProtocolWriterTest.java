package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineProtocolWriterTest {

  @Test
  void writesTagsSortedAndFieldsInInsertionOrder() {
    Point point =
        Point.builder("cpu")
            .tag("host", "db1")
            .tag("cpu", "cpu-total")
            .field("usage_idle", 97.5)
            .field("usage_user", 1.0)
            .timestampNanos(1_700_000_000_000_000_000L)
            .build();

    assertThat(LineProtocolWriter.toLine(point))
        .isEqualTo("cpu,cpu=cpu-total,host=db1 usage_idle=97.5,usage_user=1 1700000000000000000");
  }

  @Test
  void negativeZeroKeepsItsSign() {
    Point point = Point.builder("m").field("v", -0.0).field("w", 0.0).timestampNanos(1L).build();

    String line = LineProtocolWriter.toLine(point);

    assertThat(line).isEqualTo("m v=-0,w=0 1");
    assertThat(LineProtocolParser.parse(line, Precision.NANOSECONDS, 0L).points())
        .containsExactly(point);
  }

  @Test
  void writesEveryFieldType() {
    Point point =
        Point.builder("m")
            .field("f", 0.25)
            .field("big", 1e20)
            .field("i", -42L)
            .unsignedField("u", -1L)
            .field("b", false)
            .field("s", "ok")
            .build();

    assertThat(LineProtocolWriter.toLine(point))
        .isEqualTo("m f=0.25,big=1.0E20,i=-42i,u=18446744073709551615u,b=false,s=\"ok\"");
  }

  @Test
  void escapesEachPartAsTheSpecificationRequires() {
    Point point =
        Point.builder("disk io,x=y")
            .tag("mount point", "C:\\Program Files,x=1")
            .field("free,bytes=", 1L)
            .field("msg", "say \"hi\" \\ bye")
            .build();

    assertThat(LineProtocolWriter.toLine(point))
        .isEqualTo(
            "disk\\ io\\,x=y,mount\\ point=C:\\Program\\ Files\\,x\\=1"
                + " free\\,bytes\\==1i,msg=\"say \\\"hi\\\" \\\\ bye\"");
  }

  @Test
  void writesNewlineTerminatedLinesInTheRequestedPrecision() {
    List<Point> points =
        List.of(
            Point.builder("a").field("v", 1L).timestampNanos(1_700_000_000_123_456_789L).build(),
            Point.builder("b").field("v", true).build());

    assertThat(LineProtocolWriter.toLines(points, Precision.MILLISECONDS))
        .isEqualTo("a v=1i 1700000000123\nb v=true\n");
    assertThat(LineProtocolWriter.toLines(points, Precision.SECONDS))
        .isEqualTo("a v=1i 1700000000\nb v=true\n");
  }
}
