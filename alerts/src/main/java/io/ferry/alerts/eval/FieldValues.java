package io.ferry.alerts.eval;

import io.ferry.lineprotocol.FieldValue;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reading fields of points as numbers or as text, the way rules compare them. */
final class FieldValues {

  private FieldValues() {}

  /** The first of {@code fields} the point has as a number (booleans are 1 and 0). */
  static OptionalDouble number(Map<String, FieldValue> values, List<String> fields) {
    for (String field : fields) {
      FieldValue value = values.get(field);
      if (value != null) {
        OptionalDouble number = number(value);
        if (number.isPresent()) {
          return number;
        }
      }
    }
    return OptionalDouble.empty();
  }

  /** A field value as a number: floats, integers, unsigned integers, booleans as 1 and 0. */
  static OptionalDouble number(FieldValue value) {
    if (value instanceof FieldValue.FloatValue f) {
      return OptionalDouble.of(f.value());
    } else if (value instanceof FieldValue.IntegerValue i) {
      return OptionalDouble.of(i.value());
    } else if (value instanceof FieldValue.UnsignedValue u) {
      return OptionalDouble.of(unsigned(u));
    } else if (value instanceof FieldValue.BooleanValue b) {
      return OptionalDouble.of(b.value() ? 1 : 0);
    }
    return OptionalDouble.empty();
  }

  private static double unsigned(FieldValue.UnsignedValue value) {
    long bits = value.value();
    return bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
  }

  /** A field value as text: strings as they are, booleans {@code true}/{@code false}, numbers. */
  static String text(FieldValue value) {
    if (value instanceof FieldValue.StringValue s) {
      return s.value();
    } else if (value instanceof FieldValue.BooleanValue b) {
      return Boolean.toString(b.value());
    } else if (value instanceof FieldValue.IntegerValue i) {
      return Long.toString(i.value());
    } else if (value instanceof FieldValue.UnsignedValue u) {
      return Long.toUnsignedString(u.value());
    } else if (value instanceof FieldValue.FloatValue f) {
      double d = f.value();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    return String.valueOf(value);
  }
}
