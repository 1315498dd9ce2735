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
 * <p>A point read by {@link LineProtocolParser} also knows its line's text as received: its
 * measurement, tags and fields are exactly {@code body[sourceStart, sourceFieldsEnd)} of the body
 * it was read from, so that {@link LineProtocolWriter} can forward that text instead of encoding
 * the point again. That is not part of the point's value: {@link #equals} and {@link #hashCode}
 * compare measurement, tags, fields and timestamp only, and any point made another way (a builder,
 * a copy changed by a rule) has no source and is encoded from its maps. Only the parser sets a
 * source, so a source always says what the point holds.
 *
 * <p>Instances are immutable; build them with {@link #builder(String)}.
 */
public final class Point {

  private final String measurement;
  private final SortedMap<String, String> tags;
  private final Map<String, FieldValue> fields;
  private final Long timestampNanos;

  /** The body this point was read from, or null. */
  private final String source;

  /** Where the line starts in {@link #source}. */
  private final int sourceStart;

  /** Where its field set ends in {@link #source}: before the spaces and timestamp, if any. */
  private final int sourceFieldsEnd;

  public Point(
      String measurement,
      SortedMap<String, String> tags,
      Map<String, FieldValue> fields,
      Long timestampNanos) {
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
    this.measurement = measurement;
    this.tags = tags;
    this.fields = fields;
    this.timestampNanos = timestampNanos;
    this.source = null;
    this.sourceStart = 0;
    this.sourceFieldsEnd = 0;
  }

  /** A point the parser read from {@code source}, its maps checked as the line was read. */
  Point(
      String measurement,
      ParsedTags tags,
      ParsedFields fields,
      long timestampNanos,
      String source,
      int sourceStart,
      int sourceFieldsEnd) {
    this.measurement = measurement;
    this.tags = tags;
    this.fields = fields;
    this.timestampNanos = timestampNanos;
    this.source = source;
    this.sourceStart = sourceStart;
    this.sourceFieldsEnd = sourceFieldsEnd;
  }

  public String measurement() {
    return measurement;
  }

  /** The tags, sorted by key; unmodifiable. */
  public SortedMap<String, String> tags() {
    return tags;
  }

  /** The fields, in the order they were first given; unmodifiable. */
  public Map<String, FieldValue> fields() {
    return fields;
  }

  /** The timestamp in nanoseconds since the epoch, or null for the receiver's time. */
  public Long timestampNanos() {
    return timestampNanos;
  }

  /** Whether this point knows the text of the line it was read from (see the class comment). */
  public boolean hasSource() {
    return source != null;
  }

  /**
   * Appends the measurement, tags and fields of the line this point was read from, as received.
   *
   * @throws IllegalStateException if the point has no source ({@link #hasSource()})
   */
  public void appendSource(StringBuilder out) {
    if (source == null) {
      throw new IllegalStateException("point " + measurement + " was not read from a body");
    }
    out.append(source, sourceStart, sourceFieldsEnd);
  }

  /** The text this point's source lies in, or null: for tests of what a point keeps alive. */
  String sourceText() {
    return source;
  }

  /** The length of what {@link #appendSource} appends, in characters; 0 without a source. */
  public int sourceLength() {
    return sourceFieldsEnd - sourceStart;
  }

  /**
   * This point without its source, so that holding it does not hold the body it was read from (for
   * a point kept longer than the body's other points, as the alert engine keeps its series).
   */
  public Point withoutSource() {
    return source == null ? this : new Point(measurement, tags, fields, timestampNanos);
  }

  /**
   * This point with its source moved to {@code text}, which holds the same line at {@code start}.
   */
  Point withSourceAt(String text, int start) {
    return new Point(
        measurement,
        (ParsedTags) tags,
        (ParsedFields) fields,
        timestampNanos,
        text,
        start,
        start + sourceLength());
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof Point point
            && measurement.equals(point.measurement)
            && tags.equals(point.tags)
            && fields.equals(point.fields)
            && Objects.equals(timestampNanos, point.timestampNanos));
  }

  @Override
  public int hashCode() {
    return Objects.hash(measurement, tags, fields, timestampNanos);
  }

  @Override
  public String toString() {
    return "Point[measurement="
        + measurement
        + ", tags="
        + tags
        + ", fields="
        + fields
        + ", timestampNanos="
        + timestampNanos
        + "]";
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
