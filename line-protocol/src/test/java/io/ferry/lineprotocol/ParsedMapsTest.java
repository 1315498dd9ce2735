package io.ferry.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tag and field maps of parsed points behave as the JDK's maps they stand for, read-only. */
class ParsedMapsTest {

  private static Point parse(String line) {
    ParseResult result = LineProtocolParser.parse(line, Precision.NANOSECONDS, 0L);
    assertThat(result.errors()).isEmpty();
    return result.points().get(0);
  }

  @Test
  void tagsAreSortedByKeyWhateverTheLineOrder() {
    SortedMap<String, String> tags = parse("m,zone=b,host=a,dc=c,app=d v=1").tags();

    assertThat(tags).isInstanceOf(ParsedTags.class);
    assertThat(new ArrayList<>(tags.keySet())).containsExactly("app", "dc", "host", "zone");
    assertThat(new ArrayList<>(tags.values())).containsExactly("d", "c", "a", "b");
    assertThat(tags.firstKey()).isEqualTo("app");
    assertThat(tags.lastKey()).isEqualTo("zone");
    assertThat(tags.headMap("host")).containsOnlyKeys("app", "dc");
    assertThat(tags.get("host")).isEqualTo("a");
    assertThat(tags.get("nope")).isNull();
    assertThat(tags.containsKey(42)).isFalse();
    var expected = new TreeMap<>(Map.of("zone", "b", "host", "a", "dc", "c", "app", "d"));
    assertThat(tags).isEqualTo(expected).hasSameHashCodeAs(expected);
    assertThat(expected).isEqualTo(tags);
    assertThat(tags).hasToString(expected.toString());
  }

  @Test
  void manyTagsInAnyOrderAreSortedAndATagTwiceIsRefused() {
    var line = new StringBuilder("m");
    var expected = new TreeMap<String, String>();
    for (int i = 99; i >= 0; i--) {
      line.append(",k").append(i).append('=').append(i);
      expected.put("k" + i, String.valueOf(i));
    }
    Point point = parse(line + " v=1");

    assertThat(point.tags()).isEqualTo(expected);
    assertThat(new ArrayList<>(point.tags().keySet())).containsExactlyElementsOf(expected.keySet());
    assertThat(
            LineProtocolParser.parse(line + ",k57=x v=1", Precision.NANOSECONDS, 0L)
                .errors()
                .get(0)
                .reason())
        .isEqualTo("tag \"k57\" appears more than once");
  }

  @Test
  void fieldsKeepLineOrderAndAKeyTwiceKeepsItsFirstPlaceAndLastValue() {
    var line = new StringBuilder("m ");
    var expected = new LinkedHashMap<String, FieldValue>();
    for (int i = 0; i < 100; i++) {
      line.append(i == 0 ? "" : ",").append('f').append(i).append('=').append(i).append('i');
      expected.put("f" + i, FieldValue.of((long) i));
    }
    line.append(",f7=70i,f0=-1i");
    expected.put("f7", FieldValue.of(70L));
    expected.put("f0", FieldValue.of(-1L));

    Map<String, FieldValue> fields = parse(line.toString()).fields();

    assertThat(fields).isInstanceOf(ParsedFields.class).isEqualTo(expected);
    assertThat(fields).hasSameHashCodeAs(expected);
    assertThat(new ArrayList<>(fields.keySet())).containsExactlyElementsOf(expected.keySet());
    assertThat(new ArrayList<>(fields.values())).containsExactlyElementsOf(expected.values());
    assertThat(fields.get("f7")).isEqualTo(FieldValue.of(70L));
    assertThat(fields.containsKey("f100")).isFalse();
    List<String> walked = new ArrayList<>();
    fields.forEach((key, value) -> walked.add(key + "=" + value));
    List<String> expectedWalk = new ArrayList<>();
    expected.forEach((key, value) -> expectedWalk.add(key + "=" + value));
    assertThat(walked).isEqualTo(expectedWalk);
  }

  @Test
  void keysThatShareAHashAreStillToldApart() {
    // "Aa" and "BB" have the same String.hashCode, so do all 2,048 words of 11 such blocks.
    List<String> keys = new ArrayList<>();
    for (int bits = 0; bits < 1 << 11; bits++) {
      var key = new StringBuilder();
      for (int block = 10; block >= 0; block--) {
        key.append((bits >> block & 1) == 0 ? "Aa" : "BB");
      }
      keys.add(key.toString());
    }
    assertThat(keys.stream().mapToInt(String::hashCode).distinct()).hasSize(1);
    var fields = new StringBuilder();
    var tags = new StringBuilder();
    for (String key : keys) {
      fields.append(fields.length() == 0 ? "" : ",").append(key).append("=1i");
      tags.append(',').append(key).append("=v");
    }
    String body =
        "m"
            + tags
            + " "
            + fields
            + ","
            + keys.get(5)
            + "=2i\n"
            + "m"
            + tags
            + ","
            + keys.get(1000)
            + "=w f=1";

    ParseResult result = LineProtocolParser.parse(body, Precision.NANOSECONDS, 0L);

    assertThat(result.points()).hasSize(1);
    Point point = result.points().get(0);
    assertThat(point.fields()).hasSize(keys.size());
    assertThat(new ArrayList<>(point.fields().keySet())).isEqualTo(keys);
    assertThat(point.fields().get(keys.get(5))).isEqualTo(FieldValue.of(2L));
    assertThat(point.fields().get(keys.get(6))).isEqualTo(FieldValue.of(1L));
    assertThat(point.tags()).hasSize(keys.size()).containsEntry(keys.get(2047), "v");
    assertThat(result.errors())
        .extracting(LineError::reason)
        .containsExactly("tag \"" + keys.get(1000) + "\" appears more than once");
    assertThat(result)
        .isEqualTo(
            ReferenceLineProtocolParser.parse(body, Precision.NANOSECONDS, 0L, ParseRules.NONE));
  }

  @Test
  void parsedMapsCannotBeChanged() {
    Point point = parse("m,a=1,b=2 x=1,y=2");
    SortedMap<String, String> tags = point.tags();
    Map<String, FieldValue> fields = point.fields();

    assertThatThrownBy(() -> tags.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tags.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(tags::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> tags.keySet().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fields.put("z", FieldValue.of(1L)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> fields.values().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    var entries = fields.entrySet().iterator();
    entries.next();
    assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> entries.next().setValue(FieldValue.of(2L)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(point).isEqualTo(parse("m,a=1,b=2 x=1,y=2"));
  }

  @Test
  void aPointMadeFromParsedMapsStillChecksItsMeasurement() {
    Point point = parse("m,a=1 x=1");

    assertThatThrownBy(() -> new Point("bad\nname", point.tags(), point.fields(), 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line break");
    assertThat(new Point("other", point.tags(), point.fields(), 1L).tags()).isSameAs(point.tags());
  }
}
