package io.ferry.dashboards.chart;

import java.util.List;
import java.util.Objects;

/**
 * What a time chart shows.
 *
 * @param title the chart's title
 * @param valueAxis label of the value axis, with its unit
 * @param series the lines; none, or only empty ones, draws "no data"
 */
public record TimeChartSpec(String title, String valueAxis, List<TimeSeries> series) {

  public TimeChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueAxis, "valueAxis");
    series = List.copyOf(series);
  }

  /** Whether there is nothing to draw. */
  public boolean empty() {
    return series.stream().allMatch(s -> s.points().isEmpty());
  }
}
