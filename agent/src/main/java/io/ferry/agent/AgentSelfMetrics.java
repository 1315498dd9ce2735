package io.ferry.agent;

import io.ferry.agent.input.SourceStats;
import io.ferry.lineprotocol.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's own measurement {@code ferry_agent}: one point per source (tag {@code source}: {@code
 * collect_ms} float, {@code errors}, {@code skipped}, {@code points} integers) and one point for
 * the push pipeline ({@code buffered_points}, {@code dropped_points}, {@code push_errors}, {@code
 * pushed_points} integers). Counters are cumulative since the agent started.
 */
public final class AgentSelfMetrics {

  public static final String MEASUREMENT = "ferry_agent";

  private AgentSelfMetrics() {}

  public static List<Point> points(List<SourceStats> sources, PushStats push) {
    List<Point> points = new ArrayList<>(sources.size() + 1);
    for (SourceStats source : sources) {
      Point.Builder point = Point.builder(MEASUREMENT).tag("source", source.source());
      if (source.collectMillis() >= 0) {
        point.field("collect_ms", source.collectMillis());
      }
      points.add(
          point
              .field("errors", source.errors())
              .field("skipped", source.skipped())
              .field("points", source.points())
              .build());
    }
    points.add(
        Point.builder(MEASUREMENT)
            .field("buffered_points", push.bufferedPoints())
            .field("dropped_points", push.droppedPoints())
            .field("push_errors", push.pushErrors())
            .field("pushed_points", push.pushedPoints())
            .build());
    return points;
  }
}
