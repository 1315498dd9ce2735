package io.ferry.dashboards.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a time chart shows.
 *
 * @param title the chart's title
 * @param valueAxis label of the value axis, with its unit
 * @param series the lines; none, or only empty ones, draws "no data"
 * @param from the start of the time axis, or null to fit the points
 * @param to the end of the time axis, or null to fit the points
 * @param markers moments marked by a vertical line, such as the switch; may be empty
 */
public record TimeChartSpec(
    String title,
    String valueAxis,
    List<TimeSeries> series,
    Instant from,
    Instant to,
    List<TimeMarker> markers) {

  public TimeChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(valueAxis, "valueAxis");
    series = List.copyOf(series);
    markers = List.copyOf(markers);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("chart '" + title + "': from must be before to");
    }
  }

  /** A chart without markers. */
  public TimeChartSpec(
      String title, String valueAxis, List<TimeSeries> series, Instant from, Instant to) {
    this(title, valueAxis, series, from, to, List.of());
  }

  /** A chart whose time axis fits its points. */
  public TimeChartSpec(String title, String valueAxis, List<TimeSeries> series) {
    this(title, valueAxis, series, null, null);
  }

  /** Whether there is nothing to draw. */
  public boolean empty() {
    return series.stream().allMatch(s -> s.points().isEmpty());
  }
}
