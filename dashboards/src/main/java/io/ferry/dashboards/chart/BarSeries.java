package io.ferry.dashboards.chart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One series of a bar chart: a value per category, drawn in the order given.
 *
 * @param name the series name shown in the legend
 * @param values value per category label; iteration order is drawing order
 */
public record BarSeries(String name, Map<String, Double> values) {

  public BarSeries {
    Objects.requireNonNull(name, "name");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
