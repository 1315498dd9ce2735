package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Points written by {@link LineProtocolWriter} read back by {@link LineProtocolParser} unchanged.
 */
class LineProtocolRoundTripTest {

  private static final long DEFAULT_TIME = 123L;

  /**
   * Characters that need escaping or are easy to get wrong. A key or value never ends with a
   * backslash and a measurement never starts with {@code #}: line protocol cannot express either
   * (the backslash would escape the separator after it, the line would read as a comment).
   */
  private static final List<String> AWKWARD =
      List.of(",", "=", " ", "\"", "\\", "'", "#", "é", "☃", "\uD83D\uDE80", "\t");

  private static ParseResult roundTrip(List<Point> points, Precision precision) {
    return LineProtocolParser.parse(
        LineProtocolWriter.toLines(points, precision), precision, DEFAULT_TIME);
  }

  @ParameterizedTest
  @EnumSource(Precision.class)
  void awkwardPointsSurviveInEveryPrecision(Precision precision) {
    long timestamp = precision.toNanos(1_700_000_000_000_000_000L / precision.nanosPerUnit());
    List<Point> points =
        List.of(
            Point.builder("disk io,total=x")
                .tag("mount point", "C:\\Program Files,x=1")
                .tag("quote\"", "\"quoted\"")
                .field("free,bytes=", 1L)
                .field("msg", "say \"hi\"\\ and\nbye\\")
                .field("ratio", -0.125)
                .field("ok", true)
                .unsignedField("huge", -1L)
                .timestampNanos(timestamp)
                .build(),
            Point.builder("münchen ☃")
                .tag("a\\,b", "c\\ d")
                .field("emoji \uD83D\uDE80", "\uD83D\uDE80")
                .field("min", Long.MIN_VALUE)
                .field("tiny", Double.MIN_VALUE)
                .field("max", Double.MAX_VALUE)
                .timestampNanos(-timestamp)
                .build());

    ParseResult result = roundTrip(points, precision);

    assertThat(result.errors()).isEmpty();
    assertThat(result.points()).isEqualTo(points);
  }

  @Test
  void pointsWithoutATimestampGetTheDefault() {
    Point point = Point.builder("m").field("v", 1L).build();

    ParseResult result = roundTrip(List.of(point), Precision.NANOSECONDS);

    assertThat(result.points()).containsExactly(point.withDefaultTimestamp(DEFAULT_TIME));
  }

  @Test
  void twoThousandRandomPointsSurvive() {
    var random = new Random(20240611L);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      points.add(randomPoint(random));
    }
    for (Precision precision : Precision.values()) {
      List<Point> inPrecision = points.stream().map(p -> truncate(p, precision)).toList();

      ParseResult result = roundTrip(inPrecision, precision);

      assertThat(result.errors()).as("errors in precision %s", precision).isEmpty();
      assertThat(result.points()).as("points in precision %s", precision).isEqualTo(inPrecision);
    }
  }

  private static Point truncate(Point point, Precision precision) {
    long units = precision.fromNanos(point.timestampNanos());
    return new Point(point.measurement(), point.tags(), point.fields(), precision.toNanos(units));
  }

  private static Point randomPoint(Random random) {
    String measurement = randomText(random, false);
    if (measurement.startsWith("#") || measurement.startsWith("\t")) {
      measurement = "m" + measurement;
    }
    var builder = Point.builder(measurement);
    for (int t = random.nextInt(4); t > 0; t--) {
      builder.tag(randomText(random, false), randomText(random, false));
    }
    for (int f = 1 + random.nextInt(5); f > 0; f--) {
      String key = randomText(random, false);
      switch (random.nextInt(5)) {
        case 0 -> builder.field(key, randomDouble(random));
        case 1 -> builder.field(key, random.nextLong() >> random.nextInt(64));
        case 2 -> builder.unsignedField(key, random.nextLong() >>> random.nextInt(64));
        case 3 -> builder.field(key, random.nextBoolean());
        default -> builder.field(key, randomText(random, true));
      }
    }
    long nanos = random.nextLong() % PointLineParser.MAX_NANOS;
    return builder.timestampNanos(nanos).build();
  }

  private static double randomDouble(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(1_000_000) / 100.0;
      case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
      case 2 -> random.nextInt() + 0.0;
      default -> {
        double bits;
        do {
          bits = Double.longBitsToDouble(random.nextLong());
        } while (Double.isNaN(bits) || Double.isInfinite(bits) || isNegativeZero(bits));
        yield bits;
      }
    };
  }

  private static boolean isNegativeZero(double value) {
    return value == 0 && Double.doubleToRawLongBits(value) != 0;
  }

  /**
   * Text of 1 to 12 pieces, letters or {@link #AWKWARD} ones, with line breaks only in string
   * values. Keys and tag values get a letter after a trailing backslash.
   */
  private static String randomText(Random random, boolean stringValue) {
    var out = new StringBuilder();
    for (int n = 1 + random.nextInt(12); n > 0; n--) {
      int pick = random.nextInt(AWKWARD.size() + 8);
      if (pick < AWKWARD.size()) {
        out.append(AWKWARD.get(pick));
      } else if (stringValue && pick == AWKWARD.size()) {
        out.append(random.nextBoolean() ? "\n" : "\r\n");
      } else {
        out.append((char) ('a' + random.nextInt(26)));
      }
    }
    if (!stringValue && out.charAt(out.length() - 1) == '\\') {
      out.append('z');
    }
    return out.toString();
  }
}
