package io.ferry.lineprotocol;

import java.util.Objects;

/**
 * The value of one field of a {@link Point}, typed as InfluxDB line protocol types it: float,
 * signed integer ({@code i}), unsigned integer ({@code u}), string or boolean.
 */
public sealed interface FieldValue
    permits FieldValue.FloatValue,
        FieldValue.IntegerValue,
        FieldValue.UnsignedValue,
        FieldValue.StringValue,
        FieldValue.BooleanValue {

  /** A 64-bit IEEE-754 float; line protocol writes it without a suffix. */
  record FloatValue(double value) implements FieldValue {
    public FloatValue {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("line protocol cannot carry NaN or infinity");
      }
    }
  }

  /** A signed 64-bit integer; written with the suffix {@code i}. */
  record IntegerValue(long value) implements FieldValue {}

  /**
   * An unsigned 64-bit integer; written with the suffix {@code u}. The bits are held in a {@code
   * long}: read it with {@link Long#toUnsignedString(long)}.
   */
  record UnsignedValue(long value) implements FieldValue {}

  /** A string; written between double quotes with {@code "} and {@code \} escaped. */
  record StringValue(String value) implements FieldValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A boolean; written as {@code true} or {@code false}. */
  record BooleanValue(boolean value) implements FieldValue {}

  static FieldValue of(double value) {
    return new FloatValue(value);
  }

  static FieldValue of(long value) {
    return new IntegerValue(value);
  }

  static FieldValue of(String value) {
    return new StringValue(value);
  }

  static FieldValue of(boolean value) {
    return new BooleanValue(value);
  }
}
