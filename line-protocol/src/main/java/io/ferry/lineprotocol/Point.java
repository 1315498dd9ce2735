package io.ferry.lineprotocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of a time series: a measurement, tags (sorted by key, as InfluxDB stores them), at
 * least one field, and an optional timestamp in nanoseconds since the epoch.
 *
 * <p>Instances are immutable; build them with {@link #builder(String)}.
 */
public record Point(
    String measurement,
    SortedMap<String, String> tags,
    Map<String, FieldValue> fields,
    Long timestampNanos) {

  public Point {
    Objects.requireNonNull(measurement, "measurement");
    if (measurement.isEmpty()) {
      throw new IllegalArgumentException("measurement must not be empty");
    }
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("point " + measurement + " has no field");
    }
    requireSingleLine("measurement", measurement);
    // The parser's maps were checked key by key as the line was read, and cannot change; any
    // other caller's maps are checked and copied.
    if (!(tags instanceof ParsedTags)) {
      requireValidTags(measurement, tags);
      tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }
    if (!(fields instanceof ParsedFields)) {
      requireValidFieldKeys(measurement, fields);
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  private static void requireValidTags(String measurement, SortedMap<String, String> tags) {
    for (var tag : tags.entrySet()) {
      String key = tag.getKey();
      String value = tag.getValue();
      if (hasLineBreak(key) || hasLineBreak(value)) {
        throw new IllegalArgumentException("tag must not contain a line break: " + key + value);
      }
      if (key.isEmpty() || value.isEmpty()) {
        throw new IllegalArgumentException(
            "point " + measurement + " has an empty tag key or value: " + key);
      }
    }
  }

  private static void requireValidFieldKeys(String measurement, Map<String, FieldValue> fields) {
    for (String key : fields.keySet()) {
      requireSingleLine("field key", key);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("point " + measurement + " has an empty field key");
      }
    }
  }

  private static void requireSingleLine(String what, String text) {
    if (hasLineBreak(text)) {
      throw new IllegalArgumentException(what + " must not contain a line break: " + text);
    }
  }

  private static boolean hasLineBreak(String text) {
    return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }

  /** The timestamp in nanoseconds, or empty when the receiver should assign its own time. */
  public OptionalLong timestamp() {
    return timestampNanos == null ? OptionalLong.empty() : OptionalLong.of(timestampNanos);
  }

  /** A copy of this point with the given tags added where this point does not set them. */
  public Point withDefaultTags(Map<String, String> defaults) {
    if (defaults.isEmpty()) {
      return this;
    }
    var merged = new TreeMap<>(defaults);
    merged.putAll(tags);
    return new Point(measurement, merged, fields, timestampNanos);
  }

  /** A copy of this point stamped with the given time, unless it already has one. */
  public Point withDefaultTimestamp(long nanos) {
    return timestampNanos != null ? this : new Point(measurement, tags, fields, nanos);
  }

  /**
   * Nanoseconds since the epoch of an instant, the unit of {@link #timestampNanos()}.
   *
   * @throws ArithmeticException past the year 2262, where 64 bits of nanoseconds end
   */
  public static long epochNanos(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  public static Builder builder(String measurement) {
    return new Builder(measurement);
  }

  /** Builds a {@link Point}; tags or fields set twice keep the last value. */
  public static final class Builder {
    private final String measurement;
    private final SortedMap<String, String> tags = new TreeMap<>();
    private final Map<String, FieldValue> fields = new LinkedHashMap<>();
    private Long timestampNanos;

    private Builder(String measurement) {
      this.measurement = measurement;
    }

    /** Adds a tag; a null value leaves the tag out, since line protocol has no empty tags. */
    public Builder tag(String key, String value) {
      if (value != null && !value.isEmpty()) {
        tags.put(key, value);
      }
      return this;
    }

    public Builder tags(Map<String, String> more) {
      more.forEach(this::tag);
      return this;
    }

    public Builder field(String key, double value) {
      fields.put(key, new FieldValue.FloatValue(value));
      return this;
    }

    public Builder field(String key, long value) {
      fields.put(key, new FieldValue.IntegerValue(value));
      return this;
    }

    public Builder field(String key, String value) {
      fields.put(key, new FieldValue.StringValue(value));
      return this;
    }

    public Builder field(String key, boolean value) {
      fields.put(key, new FieldValue.BooleanValue(value));
      return this;
    }

    public Builder unsignedField(String key, long unsignedBits) {
      fields.put(key, new FieldValue.UnsignedValue(unsignedBits));
      return this;
    }

    public Builder field(String key, FieldValue value) {
      fields.put(key, Objects.requireNonNull(value, key));
      return this;
    }

    public boolean hasFields() {
      return !fields.isEmpty();
    }

    public Builder timestamp(Instant instant) {
      return timestampNanos(epochNanos(instant));
    }

    public Builder timestampNanos(long nanos) {
      this.timestampNanos = nanos;
      return this;
    }

    public Point build() {
      return new Point(measurement, tags, fields, timestampNanos);
    }
  }
}
