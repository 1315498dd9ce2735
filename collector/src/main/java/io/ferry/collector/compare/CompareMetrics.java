package io.ferry.collector.compare;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The comparison service's own metrics, published next to the collector's:
 *
 * <ul>
 *   <li>{@code ferry_compare_runs_total{verdict}}: finished runs by verdict ({@code GO}, {@code
 *       NO_GO}, or {@code ERROR} for a run that ended without a report);
 *   <li>{@code ferry_compare_skipped_ticks_total}: schedule ticks skipped because a run was still
 *       going;
 *   <li>{@code ferry_compare_last_exit_code}: exit code of the latest report; NaN before the first;
 *   <li>{@code ferry_compare_last_finished_seconds}: when the latest report finished, in seconds
 *       since the epoch; NaN before the first;
 *   <li>{@code ferry_compare_running}: 1 while a comparison runs, else 0.
 * </ul>
 */
final class CompareMetrics {

  /** Tag value of runs that ended without a report. */
  static final String ERROR = "ERROR";

  private final MeterRegistry registry;
  private final Counter skippedTicks;

  CompareMetrics(MeterRegistry registry, Supplier<ComparisonStatus> status) {
    this.registry = registry;
    skippedTicks =
        Counter.builder("ferry.compare.skipped.ticks")
            .description("Schedule ticks skipped because a comparison was still running")
            .register(registry);
    Gauge.builder(
            "ferry.compare.last.exit.code",
            () -> latest(status).map(s -> (double) s.exitCode()).orElse(Double.NaN))
        .description("Exit code of the latest comparison (0 is GO)")
        .register(registry);
    Gauge.builder(
            "ferry.compare.last.finished",
            () ->
                latest(status).map(s -> s.finishedAt().toEpochMilli() / 1000.0).orElse(Double.NaN))
        .baseUnit("seconds")
        .description("When the latest comparison finished, since the epoch")
        .register(registry);
    Gauge.builder("ferry.compare.running", () -> status.get().running() ? 1 : 0)
        .description("1 while a comparison runs")
        .register(registry);
  }

  /** Counts a finished run under its verdict, or {@link #ERROR}. */
  void runFinished(String verdict) {
    Counter.builder("ferry.compare.runs")
        .description("Finished comparisons by verdict")
        .tag("verdict", verdict)
        .register(registry)
        .increment();
  }

  void tickSkipped() {
    skippedTicks.increment();
  }

  private static Optional<ComparisonSummary> latest(Supplier<ComparisonStatus> status) {
    return status.get().latest().map(LatestComparison::summary);
  }
}
