package io.ferry.alerts.rule;

import io.ferry.lineprotocol.Point;
import java.util.Map;

/**
 * Which points a rule looks at: one measurement, and tags that must have the given values.
 *
 * @param measurement the measurement, such as {@code mysql_replication}
 * @param where tag name to required value; empty for every series of the measurement
 */
public record SeriesSelector(String measurement, Map<String, String> where) {

  public SeriesSelector {
    where = Map.copyOf(where);
  }

  /** Whether {@code point} belongs to a selected series. */
  public boolean matches(Point point) {
    if (!measurement.equals(point.measurement())) {
      return false;
    }
    for (Map.Entry<String, String> tag : where.entrySet()) {
      if (!tag.getValue().equals(point.tags().get(tag.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
