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
 * @param rgb the series colour as {@code 0xRRGGBB}, or null for the next colour of the palette;
 *     give one where the colour carries meaning (green PASS, red FAIL)
 */
public record BarSeries(String name, Map<String, Double> values, Integer rgb) {

  public BarSeries {
    Objects.requireNonNull(name, "name");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A series drawn in the palette's next colour. */
  public BarSeries(String name, Map<String, Double> values) {
    this(name, values, null);
  }
}
