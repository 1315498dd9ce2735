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

  /**
   * The type's name as InfluxDB spells it in its messages: float, integer, unsigned, string,
   * boolean.
   */
  default String typeName() {
    if (this instanceof FloatValue) {
      return "float";
    }
    if (this instanceof IntegerValue) {
      return "integer";
    }
    if (this instanceof UnsignedValue) {
      return "unsigned";
    }
    return this instanceof StringValue ? "string" : "boolean";
  }

  /**
   * The refusal of a line that gives one field two values of different types: InfluxDB stores the
   * field with the first value's type and refuses the line ({@code field type conflict}), so it
   * cannot be written as it is. Two values of one type are accepted, the last one kept.
   */
  static void checkRepeated(String key, FieldValue earlier, FieldValue later)
      throws LineSyntaxException {
    if (earlier.getClass() != later.getClass()) {
      throw new LineSyntaxException(
          "field type conflict: field "
              + Snippet.quoted(key)
              + " appears twice, as "
              + earlier.typeName()
              + " then as "
              + later.typeName()
              + " (InfluxDB refuses the line)");
    }
  }

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
