package io.ferry.alerts;

import io.ferry.lineprotocol.Point;
import java.util.Arrays;
import java.util.Map;

/**
 * The identity of a series: a point's measurement and all its tags. Its hash is computed once, when
 * the key is made, so the engine makes one key per point and every rule and SLO that keeps state
 * for the series looks it up without hashing the tags again (a map of tags is hashed anew at every
 * lookup). Holds the tag strings, not the point.
 */
public final class SeriesKey {

  private final String measurement;

  /** Key, value, key, value..., in the tags' order (sorted by key). */
  private final String[] tags;

  private final int hash;

  private SeriesKey(String measurement, String[] tags) {
    this.measurement = measurement;
    this.tags = tags;
    this.hash = 31 * measurement.hashCode() + Arrays.hashCode(tags);
  }

  /** The key of the series {@code point} belongs to. */
  public static SeriesKey of(Point point) {
    Map<String, String> pointTags = point.tags();
    String[] pairs = new String[pointTags.size() * 2];
    int[] next = {0};
    // forEach walks the parser's tag array without making an entry per tag.
    pointTags.forEach(
        (key, value) -> {
          pairs[next[0]++] = key;
          pairs[next[0]++] = value;
        });
    return new SeriesKey(point.measurement(), pairs);
  }

  public String measurement() {
    return measurement;
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof SeriesKey key
            && key.hash == hash
            && key.measurement.equals(measurement)
            && Arrays.equals(key.tags, tags));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(measurement);
    for (int i = 0; i < tags.length; i += 2) {
      text.append(',').append(tags[i]).append('=').append(tags[i + 1]);
    }
    return text.toString();
  }
}
