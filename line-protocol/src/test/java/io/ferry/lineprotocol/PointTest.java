package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PointTest {

  @Test
  void keepsItsOwnCopyOfTheCallersMaps() {
    var tags = new TreeMap<>(Map.of("host", "db1"));
    var fields = new LinkedHashMap<String, FieldValue>(Map.of("v", FieldValue.of(1L)));

    Point point = new Point("m", tags, fields, 1L);
    tags.put("host", "db2");
    tags.put("dc", "eu");
    fields.put("w", FieldValue.of(2L));

    assertThat(point.tags()).containsExactly(Map.entry("host", "db1"));
    assertThat(point.fields()).containsOnlyKeys("v");
  }

  @Test
  void parsedPointsCannotBeChanged() {
    Point point =
        LineProtocolParser.parse("m,host=db1 v=1i 1", Precision.NANOSECONDS, 0L).points().get(0);

    assertThatThrownBy(() -> point.tags().put("dc", "eu"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> point.fields().remove("v"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesALineBreakInATagNamingTheTag() {
    assertThatThrownBy(
            () ->
                new Point(
                    "m",
                    new TreeMap<>(Map.of("host", "db\n1")),
                    Map.of("v", FieldValue.of(1L)),
                    1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag must not contain a line break: hostdb\n1");
  }
}
