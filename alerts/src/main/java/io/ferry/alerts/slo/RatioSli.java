package io.ferry.alerts.slo;

import io.ferry.lineprotocol.Point;
import java.util.Objects;

/**
 * Good events over total events from two cumulative counter fields of one measurement, such as
 * {@code http_requests} with {@code ok} and {@code total}. Every series (host, instance) counts on
 * its own; {@link SloTracker} sums their increases.
 *
 * @param measurement the measurement carrying both counters
 * @param goodField the field counting good events (integer or float, cumulative)
 * @param totalField the field counting all events (integer or float, cumulative)
 */
public record RatioSli(String measurement, String goodField, String totalField) implements Sli {

  public RatioSli {
    requireName(measurement, "measurement");
    requireName(goodField, "good field");
    requireName(totalField, "total field");
    if (goodField.equals(totalField)) {
      throw new IllegalArgumentException("the good and total fields must differ: " + goodField);
    }
  }

  static void requireName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  @Override
  public SliReading read(Point point) {
    return CounterFields.read(point, goodField, totalField, field -> "field " + field);
  }
}
