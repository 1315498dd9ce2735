package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineProtocolParserTest {

  private static final long DEFAULT_TIME = 1_700_000_000_000_000_000L;

  private static ParseResult parse(String body) {
    return LineProtocolParser.parse(body, Precision.NANOSECONDS, DEFAULT_TIME);
  }

  private static Point onlyPoint(String body) {
    ParseResult result = parse(body);
    assertThat(result.errors()).isEmpty();
    assertThat(result.points()).hasSize(1);
    return result.points().get(0);
  }

  private static FieldValue onlyField(String body) {
    Point point = onlyPoint(body);
    assertThat(point.fields()).hasSize(1);
    return point.fields().values().iterator().next();
  }

  private static LineError onlyError(String body) {
    ParseResult result = parse(body);
    assertThat(result.points()).isEmpty();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Nested
  class TelegrafSample {

    private final ParseResult result = parse(read("/telegraf-sample.lp"));

    @Test
    void parsesEveryLineWithoutErrors() {
      assertThat(result.errors()).isEmpty();
      assertThat(result.points()).hasSize(21);
      assertThat(result.points())
          .extracting(Point::timestampNanos)
          .containsOnly(1_700_000_010_000_000_000L);
      assertThat(result.points()).allSatisfy(p -> assertThat(p.tags()).containsKey("host"));
    }

    @Test
    void keepsTypesAndTextAsTelegrafWroteThem() {
      Point replication = first("mysql", "slave_gtid_io_pos");
      assertThat(replication.fields())
          .containsEntry("slave_gtid_io_pos", FieldValue.of("1-101-98123,2-201-4512"))
          .containsEntry("slave_seconds_behind_master", FieldValue.of(0L))
          .containsEntry("slave_last_io_error", FieldValue.of(""));
      assertThat(first("system", "uptime_format").fields())
          .containsEntry("uptime_format", FieldValue.of("100 days,  0:02"));
      assertThat(first("mem", "total").fields())
          .containsEntry("total", FieldValue.of(25_777_266_688L))
          .containsEntry("used_percent", FieldValue.of(37.3286));
      assertThat(first("mysql_perf_schema", "table_io_waits_total_fetch").tags())
          .containsEntry("table", "posts archive");
    }

    private Point first(String measurement, String field) {
      return result.points().stream()
          .filter(p -> p.measurement().equals(measurement) && p.fields().containsKey(field))
          .findFirst()
          .orElseThrow();
    }

    private static String read(String resource) {
      try (InputStream in = LineProtocolParserTest.class.getResourceAsStream(resource)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + resource, e);
      }
    }
  }

  @Nested
  class Structure {

    @Test
    void readsMeasurementTagsFieldsAndTimestamp() {
      Point point =
          onlyPoint("cpu,host=db1,cpu=cpu0 usage_idle=97.5,usage_user=1.25 1700000000123");

      assertThat(point.measurement()).isEqualTo("cpu");
      assertThat(point.tags()).containsExactly(Map.entry("cpu", "cpu0"), Map.entry("host", "db1"));
      assertThat(point.fields())
          .containsExactly(
              Map.entry("usage_idle", new FieldValue.FloatValue(97.5)),
              Map.entry("usage_user", new FieldValue.FloatValue(1.25)));
      assertThat(point.timestampNanos()).isEqualTo(1700000000123L);
    }

    @Test
    void sortsTagsByKey() {
      Point point = onlyPoint("m,zone=z,alpha=a,mid=m v=1");

      assertThat(point.tags().keySet()).containsExactly("alpha", "mid", "zone");
    }

    @Test
    void givesTheDefaultTimestampToLinesWithout() {
      assertThat(onlyPoint("m v=1").timestampNanos()).isEqualTo(DEFAULT_TIME);
      assertThat(onlyPoint("m v=1   ").timestampNanos()).isEqualTo(DEFAULT_TIME);
    }

    @Test
    void acceptsNegativeTimestampsAndExtraSpacesBetweenSections() {
      Point point = onlyPoint("  m,t=1   v=1   -1500  ");

      assertThat(point.timestampNanos()).isEqualTo(-1500L);
      assertThat(point.tags()).containsEntry("t", "1");
    }

    @Test
    void keepsTheLastValueOfADuplicateField() {
      Point point = onlyPoint("m a=1i,b=2,a=3i");

      assertThat(point.fields())
          .containsExactly(
              Map.entry("a", new FieldValue.IntegerValue(3)),
              Map.entry("b", new FieldValue.FloatValue(2)));
    }

    @Test
    void readsUnicodeKeysAndValues() {
      Point point = onlyPoint("température,lieu=Zürich\\ Nord valeur=21.5,note=\"très ☀ chaud\"");

      assertThat(point.measurement()).isEqualTo("température");
      assertThat(point.tags()).containsEntry("lieu", "Zürich Nord");
      assertThat(point.fields()).containsEntry("note", FieldValue.of("très ☀ chaud"));
    }
  }

  @Nested
  class FieldTypes {

    @ParameterizedTest
    @CsvSource({
      "1, 1.0",
      "-1.5, -1.5",
      "1e10, 1e10",
      "1.5E-3, 0.0015",
      "2E+2, 200",
      ".5, 0.5",
      "5., 5.0",
      "-0.25, -0.25",
      "0.1, 0.1",
      "123456789012.345, 123456789012.345",
      "1234567890123456789, 1234567890123456789",
      "0.30000000000000004, 0.30000000000000004",
      "1.7976931348623157e308, 1.7976931348623157e308",
      "4.9e-324, 4.9e-324"
    })
    void readsFloats(String text, double expected) {
      assertThat(onlyField("m v=" + text)).isEqualTo(new FieldValue.FloatValue(expected));
    }

    @Test
    void readsSignedIntegersAcrossTheWholeRange() {
      assertThat(onlyField("m v=12i")).isEqualTo(new FieldValue.IntegerValue(12));
      assertThat(onlyField("m v=-12i")).isEqualTo(new FieldValue.IntegerValue(-12));
      assertThat(onlyField("m v=9223372036854775807i"))
          .isEqualTo(new FieldValue.IntegerValue(Long.MAX_VALUE));
      assertThat(onlyField("m v=-9223372036854775808i"))
          .isEqualTo(new FieldValue.IntegerValue(Long.MIN_VALUE));
    }

    @Test
    void readsUnsignedIntegersAcrossTheWholeRange() {
      assertThat(onlyField("m v=12u")).isEqualTo(new FieldValue.UnsignedValue(12));
      assertThat(onlyField("m v=0u")).isEqualTo(new FieldValue.UnsignedValue(0));
      FieldValue max = onlyField("m v=18446744073709551615u");
      assertThat(Long.toUnsignedString(((FieldValue.UnsignedValue) max).value()))
          .isEqualTo("18446744073709551615");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t", "T", "true", "True", "TRUE"})
    void readsTrue(String text) {
      assertThat(onlyField("m v=" + text)).isEqualTo(FieldValue.of(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "F", "false", "False", "FALSE"})
    void readsFalse(String text) {
      assertThat(onlyField("m v=" + text)).isEqualTo(FieldValue.of(false));
    }

    @Test
    void readsStringsWithSeparatorsInside() {
      assertThat(onlyField("m msg=\"a, b = c\"")).isEqualTo(FieldValue.of("a, b = c"));
      assertThat(onlyField("m msg=\"\"")).isEqualTo(FieldValue.of(""));
    }

    @Test
    void readsEveryTypeOnOneLine() {
      Point point = onlyPoint("m f=1.5,i=-3i,u=3u,b=t,s=\"x\" 10");

      assertThat(point.fields())
          .containsExactly(
              Map.entry("f", new FieldValue.FloatValue(1.5)),
              Map.entry("i", new FieldValue.IntegerValue(-3)),
              Map.entry("u", new FieldValue.UnsignedValue(3)),
              Map.entry("b", new FieldValue.BooleanValue(true)),
              Map.entry("s", new FieldValue.StringValue("x")));
    }
  }

  @Nested
  class Escaping {

    @Test
    void unescapesCommasAndSpacesInTheMeasurement() {
      assertThat(onlyPoint("disk\\ io\\,total v=1").measurement()).isEqualTo("disk io,total");
    }

    @Test
    void keepsEqualsSignsAndOtherBackslashesInTheMeasurementAsWritten() {
      assertThat(onlyPoint("a=b\\=c\\d v=1").measurement()).isEqualTo("a=b\\=c\\d");
    }

    @Test
    void unescapesCommasSpacesAndEqualsSignsInTagKeysAndValues() {
      Point point = onlyPoint("m,path\\ name\\=x=C:\\ Program\\,Files\\=1 v=1");

      assertThat(point.tags()).containsExactly(Map.entry("path name=x", "C: Program,Files=1"));
    }

    @Test
    void keepsABackslashBeforeAnOrdinaryCharacter() {
      Point point = onlyPoint("m,dir=C:\\temp\\new v=1");

      assertThat(point.tags()).containsEntry("dir", "C:\\temp\\new");
    }

    @Test
    void readsABackslashBeforeAnEscapeAsALiteralBackslash() {
      Point point = onlyPoint("m,t=a\\\\,b v=1");

      assertThat(point.tags()).containsExactly(Map.entry("t", "a\\,b"));
    }

    @Test
    void unescapesFieldKeys() {
      Point point = onlyPoint("m a\\ b\\,c\\=d=1i");

      assertThat(point.fields()).containsOnlyKeys("a b,c=d");
    }

    @Test
    void unescapesQuotesAndBackslashesInStringValuesAndKeepsOtherBackslashes() {
      assertThat(onlyField("m s=\"say \\\"hi\\\" to C:\\\\temp\\n\""))
          .isEqualTo(FieldValue.of("say \"hi\" to C:\\temp\\n"));
    }

    @Test
    void readsAStringThatEndsInABackslash() {
      assertThat(onlyField("m s=\"ends\\\\\" 5")).isEqualTo(FieldValue.of("ends\\"));
    }

    @Test
    void treatsQuotesInKeysAsOrdinaryCharacters() {
      Point point = onlyPoint("m,t\"=\"v k\"=1i");

      assertThat(point.tags()).containsEntry("t\"", "\"v");
      assertThat(point.fields()).containsOnlyKeys("k\"");
    }
  }

  @Nested
  class LinesAndNumbering {

    @Test
    void skipsBlankLinesAndCommentsButCountsThem() {
      String body =
          "# a comment\n\n   \n\t\nm v=1\n  # indented comment with \"quote and a=\"b\nm v=x\n";

      ParseResult result = parse(body);

      assertThat(result.points()).hasSize(1);
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(7);
    }

    @Test
    void ignoresCarriageReturnsBeforeNewlines() {
      ParseResult result = parse("m,t=a v=1i 5\r\nm s=\"x\"\r\n\r\nm v=bad\r\n");

      assertThat(result.points())
          .extracting(Point::tags, Point::fields)
          .containsExactly(
              tuple(Map.of("t", "a"), Map.of("v", FieldValue.of(1L))),
              tuple(Map.of(), Map.of("s", FieldValue.of("x"))));
      assertThat(result.points().get(0).timestampNanos()).isEqualTo(5L);
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(4);
      assertThat(result.errors().get(0).excerpt()).isEqualTo("m v=bad");
    }

    @Test
    void readsAStringValueThatSpansLinesAndKeepsCountingLines() {
      String body = "log msg=\"first\nsecond\n\nfourth\",level=3i 7\nbad\nm v=1\nm v=oops";

      ParseResult result = parse(body);

      assertThat(result.points()).hasSize(2);
      Point log = result.points().get(0);
      assertThat(log.fields())
          .containsEntry("msg", FieldValue.of("first\nsecond\n\nfourth"))
          .containsEntry("level", FieldValue.of(3L));
      assertThat(log.timestampNanos()).isEqualTo(7L);
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(5, 7);
    }

    @Test
    void countsAnEscapedNewlineInsideAStringAsALine() {
      ParseResult result = parse("m s=\"a\\\nb\"\nm v=x");

      assertThat(result.points().get(0).fields()).containsEntry("s", FieldValue.of("a\\\nb"));
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(3);
    }

    @Test
    void reportsEachBadLineAndKeepsTheGoodOnes() {
      String body = "m v=1\nm v=12x\nm v=2\nm v=3\n,t=1 v=4";

      ParseResult result = parse(body);

      assertThat(result.points()).hasSize(3);
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(2, 5);
      assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void doesNotLetAQuoteInANumberSwallowTheNextLines() {
      ParseResult result = parse("m v=1\"x\nm v=2\nm v=3");

      assertThat(result.points()).hasSize(2);
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(1);
    }

    @Test
    void readsAnEmptyBodyAsNothing() {
      ParseResult result = parse("");

      assertThat(result.points()).isEmpty();
      assertThat(result.errors()).isEmpty();
    }

    @Test
    void excerptsAtMost120CharactersOfTheFirstLine() {
      String longLine = "m v=" + "9".repeat(200) + "z";
      assertThat(onlyError(longLine).excerpt()).hasSize(120).isEqualTo(longLine.substring(0, 120));

      LineError multiLine = onlyError("  m v=\"never closed\nmore");
      assertThat(multiLine.excerpt()).isEqualTo("m v=\"never closed");
    }
  }

  @Nested
  class Precisions {

    @ParameterizedTest
    @CsvSource({
      "NANOSECONDS, 1700000000123456789, 1700000000123456789",
      "MICROSECONDS, 1700000000123456, 1700000000123456000",
      "MILLISECONDS, 1700000000123, 1700000000123000000",
      "SECONDS, 1700000000, 1700000000000000000",
      "MINUTES, 28333333, 1699999980000000000",
      "HOURS, 472222, 1699999200000000000",
      "SECONDS, -5, -5000000000"
    })
    void convertsTimestampsToNanoseconds(Precision precision, String timestamp, long nanos) {
      ParseResult result = LineProtocolParser.parse("m v=1 " + timestamp, precision, 0);

      assertThat(result.errors()).isEmpty();
      assertThat(result.points().get(0).timestampNanos()).isEqualTo(nanos);
    }

    @Test
    void leavesTheDefaultTimestampAloneWhateverThePrecision() {
      ParseResult result = LineProtocolParser.parse("m v=1", Precision.HOURS, 42);

      assertThat(result.points().get(0).timestampNanos()).isEqualTo(42L);
    }

    @Test
    void acceptsExactlyTheRangeInfluxDbStores() {
      assertThat(Instant.EPOCH.plusNanos(PointLineParser.MIN_NANOS))
          .hasToString("1677-09-21T00:12:43.145224194Z");
      assertThat(Instant.EPOCH.plusNanos(PointLineParser.MAX_NANOS))
          .hasToString("2262-04-11T23:47:16.854775806Z");
      assertThat(onlyPoint("m v=1 -9223372036854775806").timestampNanos())
          .isEqualTo(PointLineParser.MIN_NANOS);
      assertThat(onlyPoint("m v=1 9223372036854775806").timestampNanos())
          .isEqualTo(PointLineParser.MAX_NANOS);
      assertThat(onlyError("m v=1 9223372036854775807").reason()).contains("out of range");
      assertThat(onlyError("m v=1 -9223372036854775807").reason()).contains("out of range");
    }

    @Test
    void rejectsATimestampThatOverflowsWhenConvertedToNanoseconds() {
      ParseResult result =
          LineProtocolParser.parse("m v=1 1\nm v=1 9223372036855", Precision.MILLISECONDS, 0);

      assertThat(result.points()).hasSize(1);
      assertThat(result.errors())
          .extracting(LineError::lineNumber, LineError::reason)
          .containsExactly(
              tuple(
                  2,
                  "timestamp \"9223372036855\" in precision ms is out of range (InfluxDB stores"
                      + " 1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z)"));
    }

    @Test
    void rejectsATimestampBeyond64Bits() {
      assertThat(onlyError("m v=1 99999999999999999999").reason())
          .startsWith("timestamp \"99999999999999999999\" in precision ns is out of range");
    }
  }

  @Nested
  class Rejections {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        value = {
          "cpu | missing field set (a point needs at least one field)",
          "cpu,host=a | missing field set (a point needs at least one field)",
          "cpu,host=a   | missing field set (a point needs at least one field)",
          "`,host=a v=1` | missing measurement (the line starts with \",\")",
          "cpu,host= v=1 | tag \"host\" has no value",
          "cpu,host v=1 | tag \"host\" has no \"=\" and no value",
          "cpu,=a v=1 | missing tag key before \"=\"",
          "`cpu, v=1` | missing tag key after \",\"",
          "cpu,host=a=b v=1 | tag \"host\" has an unescaped \"=\" in its value (write it as \\=)",
          "cpu,host=a,host=b v=1 | tag \"host\" appears more than once",
          "`cpu v=1i,v=\"x\"` | field type conflict: field \"v\" appears twice, as integer then as"
              + " string (InfluxDB refuses the line)",
          "cpu v=1i,w=2,v=2.5 | field type conflict: field \"v\" appears twice, as integer then as"
              + " float (InfluxDB refuses the line)",
          "cpu load | field \"load\" has no \"=\" and no value",
          "cpu load= | field \"load\" has no value",
          "`cpu load=,x=1` | field \"load\" has no value",
          "cpu =1 | missing field key before \"=\"",
          "`cpu a=1,` | missing field after the trailing \",\"",
          "`cpu a=1, 5` | missing field after the trailing \",\"",
          "cpu load=12x | invalid field value \"12x\" for field \"load\" (expected a number, 12i,"
              + " 12u, true/false or a quoted string)",
          "cpu up=yes | invalid field value \"yes\" for field \"up\" (expected a number, 12i, 12u,"
              + " true/false or a quoted string)",
          "cpu up=tru | invalid field value \"tru\" for field \"up\" (expected a number, 12i, 12u,"
              + " true/false or a quoted string)",
          "cpu v=1.5i | invalid field value \"1.5i\" for field \"v\" (expected a number, 12i, 12u,"
              + " true/false or a quoted string)",
          "cpu v=1e | invalid field value \"1e\" for field \"v\" (expected a number, 12i, 12u,"
              + " true/false or a quoted string)",
          "cpu v=+1 | invalid field value \"+1\" for field \"v\" (expected a number, 12i, 12u,"
              + " true/false or a quoted string)",
          "cpu v=1.2.3 | invalid field value \"1.2.3\" for field \"v\" (expected a number, 12i,"
              + " 12u, true/false or a quoted string)",
          "cpu v=NaN | field \"v\" is \"NaN\", but line protocol cannot carry NaN or infinity",
          "cpu v=-Inf | field \"v\" is \"-Inf\", but line protocol cannot carry NaN or infinity",
          "cpu v=1e400 | float \"1e400\" for field \"v\" is out of range for a 64-bit float",
          "cpu v=9223372036854775808i | integer \"9223372036854775808i\" for field \"v\" is out of"
              + " range (-9223372036854775808i to 9223372036854775807i)",
          "cpu v=-9223372036854775809i | integer \"-9223372036854775809i\" for field \"v\" is out"
              + " of range (-9223372036854775808i to 9223372036854775807i)",
          "cpu v=-1u | unsigned integer \"-1u\" for field \"v\" is negative",
          "cpu v=18446744073709551616u | unsigned integer \"18446744073709551616u\" for field \"v\""
              + " is out of range (0u to 18446744073709551615u)",
          "cpu msg=\"open | unterminated quoted string in field \"msg\"",
          "cpu msg=\"a\"b | unexpected text \"b\" after the closing quote of field \"msg\"",
          "cpu v=1 abc | timestamp \"abc\" is not an integer",
          "cpu v=1 1.5e9 | timestamp \"1.5e9\" is not an integer",
          "cpu v=1 - | timestamp \"-\" is not an integer",
          "cpu v=1 123 456 | unexpected text \"456\" after the timestamp",
        })
    void explainsWhatIsWrong(String line, String reason) {
      LineError error = onlyError(line);

      assertThat(error.reason()).isEqualTo(reason);
      assertThat(error.lineNumber()).isEqualTo(1);
      assertThat(error.excerpt()).isEqualTo(line.strip());
    }

    @Test
    void rejectsACarriageReturnInsideAKey() {
      assertThat(onlyError("cp\ru v=1").reason())
          .isEqualTo("measurement must not contain a line break: cp\\ru");
    }

    @Test
    void shortensLongValuesInReasons() {
      String value = "x".repeat(100);

      assertThat(onlyError("m v=" + value).reason())
          .startsWith("invalid field value \"" + "x".repeat(60) + "…\" for field \"v\"");
    }

    @Test
    void showsLineBreaksInQuotedTimestampsAsEscapes() {
      assertThat(onlyError("m v=1 t=\"1\n2\"").reason())
          .isEqualTo("timestamp \"t=\"1\\n2\"\" is not an integer");
    }

    @Test
    void reportsTheLineNumberOfEachRejection() {
      String body =
          String.join(
              "\n",
              "m v=1",
              "m v=-1u",
              "# comment",
              "m v=99999999999999999999i",
              "m v=2",
              "m v=1 12345678901234567890",
              "m,t=1 v=3");

      ParseResult result = parse(body);

      assertThat(result.points()).hasSize(3);
      assertThat(result.errors()).extracting(LineError::lineNumber).containsExactly(2, 4, 6);
      assertThat(result.errors().get(1).describe())
          .isEqualTo(
              "line 4: integer \"99999999999999999999i\" for field \"v\" is out of range"
                  + " (-9223372036854775808i to 9223372036854775807i) (m v=99999999999999999999i)");
    }
  }
}
