package io.ferry.dashboards.chart;

import java.util.List;
import java.util.Objects;

/**
 * What a bar chart shows.
 *
 * @param title the chart's title
 * @param categoryAxis label of the category axis
 * @param valueAxis label of the value axis, with its unit
 * @param series one or more series; categories are the union of their keys
 * @param horizontal bars run left to right (better for long category names such as table names)
 * @param stacked series are stacked instead of drawn side by side
 */
public record BarChartSpec(
    String title,
    String categoryAxis,
    String valueAxis,
    List<BarSeries> series,
    boolean horizontal,
    boolean stacked) {

  public BarChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(categoryAxis, "categoryAxis");
    Objects.requireNonNull(valueAxis, "valueAxis");
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("chart '" + title + "' has no series");
    }
  }

  /** The number of distinct categories over all series. */
  public int categoryCount() {
    return (int) series.stream().flatMap(s -> s.values().keySet().stream()).distinct().count();
  }
}
