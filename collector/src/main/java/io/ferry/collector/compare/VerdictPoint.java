package io.ferry.collector.compare;

import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.cutover.report.Verdict;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.time.Instant;

/**
 * A comparison's verdict as one InfluxDB point, so that dashboards drawn from InfluxDB show it next
 * to the metrics: measurement {@code ferry_compare}, tag {@code phase} ({@code pre} or {@code
 * post}), stamped with the time the comparison finished.
 *
 * <p>Fields: {@code verdict} ({@code GO}/{@code NO_GO}), {@code go} (bool), {@code exit_code},
 * {@code checks_failed}, {@code checks_warned}, {@code tables}, {@code tables_differing}, {@code
 * rows_old}, {@code replicas} (replicas compared with their primaries, {@code --data-on-replicas}),
 * {@code replicas_failed} (of those, drifting or not compared to the end) (integers) and {@code
 * duration_seconds} (float).
 */
public final class VerdictPoint {

  /** The measurement's name. */
  public static final String MEASUREMENT = "ferry_compare";

  private VerdictPoint() {}

  /** The point for a finished comparison. */
  public static Point of(ComparisonReport report) {
    long failed = report.checks().stream().filter(c -> c.status() == Status.FAIL).count();
    long warned = report.checks().stream().filter(c -> c.status() == Status.WARN).count();
    long differing = report.tables().stream().filter(t -> t.status() == Status.FAIL).count();
    long rowsOld = report.tables().stream().mapToLong(TableDataResult::rowsOld).sum();
    Instant finished = report.finishedAt();
    return Point.builder(MEASUREMENT)
        .tag("phase", report.phase().label())
        .field("verdict", report.verdict().name())
        .field("go", report.verdict() == Verdict.GO)
        .field("exit_code", (long) report.exitCode())
        .field("checks_failed", failed)
        .field("checks_warned", warned)
        .field("tables", (long) report.tables().size())
        .field("tables_differing", differing)
        .field("rows_old", rowsOld)
        .field("replicas", (long) report.replicas().size())
        .field(
            "replicas_failed",
            report.replicas().stream().filter(r -> r.status() == Status.FAIL).count())
        .field(
            "duration_seconds", Duration.between(report.startedAt(), finished).toMillis() / 1000.0)
        .timestamp(finished)
        .build();
  }
}
