package io.ferry.dashboards.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * A moment marked across a time chart by a vertical line with a label, such as the switch to the
 * new cluster.
 *
 * @param at the moment
 * @param label the text beside the line
 */
public record TimeMarker(Instant at, String label) {

  public TimeMarker {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(label, "label");
  }
}
