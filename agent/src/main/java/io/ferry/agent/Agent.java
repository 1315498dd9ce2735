package io.ferry.agent;

import io.ferry.agent.input.InputRunner;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One agent's work at each tick: collect every input, stamp the points (global tags, the tick's
 * time where a point has none), add the agent's own {@code ferry_agent} points, spool them all and
 * start sending. Confined to one event loop.
 */
public final class Agent {

  private final List<InputRunner> runners;
  private final PushPipeline pipeline;
  private final Map<String, String> globalTags;
  private final Clock clock;
  private boolean pushing = true;

  /**
   * @param runners the inputs, each in its runner
   * @param pipeline where the points go
   * @param globalTags tags added to every point that does not set them itself
   * @param clock gives the tick's time
   */
  public Agent(
      List<InputRunner> runners,
      PushPipeline pipeline,
      Map<String, String> globalTags,
      Clock clock) {
    this.runners = List.copyOf(runners);
    this.pipeline = pipeline;
    this.globalTags = Map.copyOf(globalTags);
    this.clock = clock;
  }

  /**
   * Collects all inputs, writes what they read to the spool, and starts sending; completes once the
   * points are in the spool. Never fails.
   */
  public Future<Void> tick() {
    long tickNanos = Point.epochNanos(clock.instant());
    List<Future<List<Point>>> collections = runners.stream().map(InputRunner::collect).toList();
    return Future.join(collections)
        .transform(
            ignored -> {
              List<Point> points = new ArrayList<>();
              for (Future<List<Point>> collection : collections) {
                if (collection.succeeded()) {
                  points.addAll(collection.result());
                }
              }
              points.addAll(
                  AgentSelfMetrics.points(
                      runners.stream().map(InputRunner::stats).toList(),
                      pipeline.stats(),
                      clock.millis()));
              return pipeline
                  .offer(points.stream().map(p -> stamp(p, tickNanos)).toList())
                  .onSuccess(
                      spooled -> {
                        if (pushing) {
                          pipeline.pump();
                        }
                      });
            });
  }

  /** From now on ticks only spool their points; {@link #flush()} sends them. */
  public void stopPushing() {
    pushing = false;
    pipeline.stop();
  }

  /** Sends what waits in the spool, once. */
  public Future<PushResult> flush() {
    return pipeline.flush();
  }

  /** Closes every input; never fails. */
  public Future<Void> closeInputs() {
    return Future.join(runners.stream().map(InputRunner::close).toList())
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  public PushStats pushStats() {
    return pipeline.stats();
  }

  /** What failed in each input's last collection, by input; empty when all worked. */
  public Map<String, Map<String, String>> inputFailures() {
    Map<String, Map<String, String>> failures = new TreeMap<>();
    for (InputRunner runner : runners) {
      Map<String, String> failed = runner.lastFailures();
      if (!failed.isEmpty()) {
        failures.put(runner.name(), failed);
      }
    }
    return failures;
  }

  private Point stamp(Point point, long tickNanos) {
    return point.withDefaultTags(globalTags).withDefaultTimestamp(tickNanos);
  }
}
