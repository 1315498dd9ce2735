package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.collector.config.InfluxApi;
import io.ferry.lineprotocol.Point;
import org.junit.jupiter.api.Test;

class InfluxTargetRuleTest {

  private static final InfluxTargetRule V1_6 =
      InfluxTargetRule.forServer(new InfluxServer(InfluxApi.V1, "1.6.7~rc0"));
  private static final InfluxTargetRule V1_8 =
      InfluxTargetRule.forServer(new InfluxServer(InfluxApi.V2, "1.8.10"));
  private static final InfluxTargetRule V2 =
      InfluxTargetRule.forServer(new InfluxServer(InfluxApi.V2, "v2.7.1"));
  private static final InfluxTargetRule V1_UNKNOWN_VERSION =
      InfluxTargetRule.forServer(new InfluxServer(InfluxApi.V1, null));

  @Test
  void unsignedFieldsAreRefusedOnOneDotXAndKeptOnTwo() throws Exception {
    Point unsigned = Point.builder("m").unsignedField("v", -1L).build();

    for (var rule : new InfluxTargetRule[] {V1_6, V1_8, V1_UNKNOWN_VERSION}) {
      assertThatThrownBy(() -> rule.check(unsigned))
          .hasMessageStartingWith(
              "invalid number: field \"v\" is unsigned (18446744073709551615u)");
    }
    assertThat(V2.check(unsigned)).isSameAs(unsigned);
  }

  @Test
  void aTagKeyNamedTimeIsRefusedWithInfluxDbsMessage() {
    assertThatThrownBy(() -> V2.check(Point.builder("m").tag("time", "x").field("v", 1.0).build()))
        .hasMessage("invalid tag key: input tag \"time\" on measurement \"m\" is invalid");
  }

  @Test
  void aFieldNamedTimeIsDroppedOrWhenAloneRefusedAsInfluxDbDoes() throws Exception {
    Point withOthers =
        Point.builder("m")
            .tag("host", "a")
            .field("time", 1L)
            .field("v", 2.0)
            .timestampNanos(5L)
            .build();

    assertThat(V1_6.check(withOthers))
        .isEqualTo(Point.builder("m").tag("host", "a").field("v", 2.0).timestampNanos(5L).build());
    assertThatThrownBy(() -> V1_6.check(Point.builder("m").field("time", 1L).build()))
        .hasMessage("invalid field name: input field \"time\" on measurement \"m\" is invalid");
  }

  @Test
  void aSeriesAndFieldKeyOverInfluxDbsLimitIsRefusedAtTheLengthItMeasures() throws Exception {
    // Measured on InfluxDB 1.6.7: "m,t=" + 65,526 x and field v is stored; with 65,527 x it answers
    // "max key length exceeded: 65536 > 65535".
    Point longest = Point.builder("m").tag("t", "x".repeat(65_526)).field("v", 1.0).build();
    Point tooLong = Point.builder("m").tag("t", "x".repeat(65_527)).field("v", 1.0).build();
    Point multiByte = Point.builder("m").tag("t", "\u00e9".repeat(32_764)).field("v", 1.0).build();

    assertThat(V1_6.check(longest)).isSameAs(longest);
    assertThatThrownBy(() -> V1_6.check(tooLong))
        .hasMessageStartingWith("max key length exceeded: 65536 > 65535");
    assertThatThrownBy(() -> V1_6.check(multiByte))
        .hasMessageStartingWith("max key length exceeded: 65537 > 65535");
  }

  @Test
  void keysOfThreeByteCharactersAreCountedInBytesNearTheLimit() throws Exception {
    // "m,t=" + n x U+20AC, "#!~#", "v": 3n + 9 bytes, so 21,842 characters are the longest stored.
    Point longest = Point.builder("m").tag("t", "\u20ac".repeat(21_842)).field("v", 1.0).build();
    Point tooLong = Point.builder("m").tag("t", "\u20ac".repeat(21_843)).field("v", 1.0).build();
    Point tooLongField =
        Point.builder("m")
            .tag("t", "\u20ac".repeat(21_000))
            .field("v", 1.0)
            .field("w".repeat(2_600), 2.0)
            .build();

    assertThat(V1_6.check(longest)).isSameAs(longest);
    assertThatThrownBy(() -> V1_6.check(tooLong))
        .hasMessageStartingWith("max key length exceeded: 65538 > 65535");
    assertThatThrownBy(() -> V1_6.check(tooLongField))
        .hasMessageStartingWith("max key length exceeded: 65608 > 65535");
  }

  @Test
  void ordinaryPointsPassUnchanged() throws Exception {
    Point point = Point.builder("time").tag("Time", "x").field("timestamp", 1L).build();

    assertThat(V1_6.check(point)).isSameAs(point);
  }
}
