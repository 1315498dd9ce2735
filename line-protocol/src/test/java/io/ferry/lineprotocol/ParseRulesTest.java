package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ParseRulesTest {

  private static final long NOW = 1_700_000_000_000_000_000L;

  @Test
  void aLineLongerThanTheLimitIsRefusedByNumberAndTheOthersParsed() {
    String body =
        "a v=1\n# a comment longer than the limit is skipped all the same\nbb v=12345\nc v=3\n";

    ParseResult result =
        LineProtocolParser.parse(
            body, Precision.NANOSECONDS, NOW, new ParseRules(8, PointRule.NONE));

    assertThat(result.points()).extracting(Point::measurement).containsExactly("a", "c");
    assertThat(result.errors())
        .extracting(LineError::lineNumber, LineError::reason)
        .containsExactly(tuple(3, "line is 10 characters long; the limit is 8"));
  }

  @Test
  void pointsTheRuleRefusesBecomeLineErrorsAndChangedPointsAreKept() {
    PointRule noCpu =
        point -> {
          if (point.measurement().equals("cpu")) {
            throw new PointRefusedException("no cpu here");
          }
          return point;
        };
    PointRule renamed =
        point ->
            new Point(
                point.measurement() + "_x", point.tags(), point.fields(), point.timestampNanos());

    ParseResult result =
        LineProtocolParser.parse(
            "mem v=1\ncpu v=2\nnot a point\n",
            Precision.NANOSECONDS,
            NOW,
            new ParseRules(1000, noCpu.andThen(renamed)));

    assertThat(result.points()).extracting(Point::measurement).containsExactly("mem_x");
    assertThat(result.errors())
        .extracting(LineError::lineNumber, LineError::reason, LineError::excerpt)
        .first()
        .isEqualTo(tuple(2, "no cpu here", "cpu v=2"));
    assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(2, 3);
  }
}
