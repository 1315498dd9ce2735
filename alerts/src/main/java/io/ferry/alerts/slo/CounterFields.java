package io.ferry.alerts.slo;

import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.util.function.Function;

/** Reads a good and a total counter from a point. */
final class CounterFields {

  private CounterFields() {}

  /**
   * @param describe names a field for the missing-field problem, e.g. {@code field ok} or {@code
   *     bucket le_0.3}
   */
  static SliReading read(
      Point point, String goodField, String totalField, Function<String, String> describe) {
    FieldValue good = point.fields().get(goodField);
    FieldValue total = point.fields().get(totalField);
    if (good == null || total == null) {
      String missing = good == null ? goodField : totalField;
      return new SliReading.Unreadable(
          "no " + describe.apply(missing) + " in measurement " + point.measurement());
    }
    double goodCount = number(good);
    double totalCount = number(total);
    if (Double.isNaN(goodCount) || Double.isNaN(totalCount)) {
      String field = Double.isNaN(goodCount) ? goodField : totalField;
      return new SliReading.Unreadable(
          describe.apply(field)
              + " in measurement "
              + point.measurement()
              + " is not a counter (a non-negative number)");
    }
    return new SliReading.Counts(goodCount, totalCount);
  }

  /** The value as a non-negative number; NaN for strings, booleans and negative numbers. */
  private static double number(FieldValue value) {
    double number = Double.NaN;
    if (value instanceof FieldValue.IntegerValue integer) {
      number = integer.value();
    } else if (value instanceof FieldValue.FloatValue floating) {
      number = floating.value();
    } else if (value instanceof FieldValue.UnsignedValue unsigned) {
      number = unsignedToDouble(unsigned.value());
    }
    return number >= 0 ? number : Double.NaN;
  }

  private static double unsignedToDouble(long bits) {
    return bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
  }
}
