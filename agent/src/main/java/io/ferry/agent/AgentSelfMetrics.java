package io.ferry.agent;

import io.ferry.agent.input.InputStats;
import io.ferry.agent.spool.SpoolStats;
import io.ferry.lineprotocol.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's own measurement {@code ferry_agent}, pushed like any other point: one point per input
 * (tag {@code source}, the input's name, kept from earlier versions for existing queries: {@code
 * collect_ms} float, {@code errors}, {@code skipped}, {@code points} integers) and one point for
 * the push pipeline and its spool. Counters are cumulative since the agent started; {@code
 * docs/metrics.md} lists every field.
 */
public final class AgentSelfMetrics {

  public static final String MEASUREMENT = "ferry_agent";

  private AgentSelfMetrics() {}

  /**
   * @param nowMillis the current time in epoch milliseconds, for the age of the oldest batch
   */
  public static List<Point> points(List<InputStats> inputs, PushStats push, long nowMillis) {
    List<Point> points = new ArrayList<>(inputs.size() + 1);
    for (InputStats input : inputs) {
      Point.Builder point = Point.builder(MEASUREMENT).tag("source", input.input());
      if (input.collectMillis() >= 0) {
        point.field("collect_ms", input.collectMillis());
      }
      points.add(
          point
              .field("errors", input.errors())
              .field("skipped", input.skipped())
              .field("points", input.points())
              .build());
    }
    SpoolStats spool = push.spool();
    double oldestAgeSeconds =
        spool.oldestCreatedMillis() < 0
            ? 0
            : Math.max(0, nowMillis - spool.oldestCreatedMillis()) / 1000.0;
    points.add(
        Point.builder(MEASUREMENT)
            .field("batches_sent", push.batchesSent())
            .field("batches_failed", push.batchesFailed())
            .field("batches_dropped", push.batchesDropped())
            .field("points_sent", push.pointsSent())
            .field("points_dropped", push.pointsDropped())
            .field("spool_bytes", spool.bytes())
            .field("spool_batches", spool.batches())
            .field("spool_points", spool.points())
            .field("spool_oldest_age_seconds", oldestAgeSeconds)
            .field("spool_on_disk", spool.onDisk())
            .build());
    return points;
  }
}
