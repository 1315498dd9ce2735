package io.ferry.dashboards.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of a time chart.
 *
 * @param name the series name shown in the legend (a host, a link); drawn as text, never as markup
 * @param points the values in time order; a gap in the data is simply a missing point
 */
public record TimeSeries(String name, List<Point> points) {

  /** One value at one instant. */
  public record Point(Instant at, double value) {
    public Point {
      Objects.requireNonNull(at, "at");
    }
  }

  public TimeSeries {
    Objects.requireNonNull(name, "name");
    points = List.copyOf(points);
  }
}
