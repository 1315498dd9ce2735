package io.ferry.collector.compare;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of the comparison service.
 *
 * @param latest the most recent finished comparison; empty before the first
 * @param runningSince when the run in progress started; empty when none runs
 * @param lastFailure the most recent run that ended without a report, when it came after the latest
 *     report
 */
public record ComparisonStatus(
    Optional<LatestComparison> latest,
    Optional<Instant> runningSince,
    Optional<RunFailure> lastFailure) {

  /** Whether a comparison is running. */
  public boolean running() {
    return runningSince.isPresent();
  }

  /**
   * The state of runs, without the report: {@code {"running": false, "running_since": null,
   * "last_error": null | {"message": ..., "at": ...}}}.
   */
  public JsonObject runState() {
    return new JsonObject()
        .put("running", running())
        .put("running_since", runningSince.map(Instant::toString).orElse(null))
        .put(
            "last_error",
            lastFailure
                .map(f -> new JsonObject().put("message", f.message()).put("at", f.at().toString()))
                .orElse(null));
  }

  /**
   * The part of {@code GET /health}: {@code {"verdict": "GO", "exit_code": 0, "phase": "pre",
   * "finished_at": ..., "running": false}}, with nulls before the first comparison.
   */
  public JsonObject health() {
    Optional<ComparisonSummary> summary = latest.map(LatestComparison::summary);
    return new JsonObject()
        .put("verdict", summary.map(s -> s.verdict().name()).orElse(null))
        .put("exit_code", summary.map(ComparisonSummary::exitCode).orElse(null))
        .put("phase", summary.map(s -> s.phase().label()).orElse(null))
        .put("finished_at", summary.map(s -> s.finishedAt().toString()).orElse(null))
        .put("running", running());
  }
}
