package io.ferry.collector.compare;

import io.ferry.collector.config.CompareConfig;
import io.ferry.collector.influx.PointWriter;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.lineprotocol.Point;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured cutover comparison on demand and on its schedule, at most one at a time, and
 * keeps the latest report (summary, JSON and HTML) for the API, the dashboards and {@code /health}.
 *
 * <p>The comparison, the rendering and the report files run on the worker pool {@value #POOL} (one
 * thread), never on an event loop. With {@code compare.report_dir} set, each report is written
 * there and the most recent one is read back at {@link #start()}, so the verdict survives a
 * restart; what is read back is the summary and both documents as text, not a full {@link
 * ComparisonReport}. Start runs and read the status from the event loop of the context that called
 * {@link #start()}.
 */
public final class ComparisonService {

  /** Name of the worker pool comparisons run on. */
  public static final String POOL = "ferry-compare";

  private static final Logger LOG = LoggerFactory.getLogger(ComparisonService.class);

  // A comparison of a large cluster takes hours; Vert.x only warns past this time.
  private static final long MAX_RUN_HOURS = 24;

  // A JDBC statement does not notice an interrupt; stopping must not hang on one.
  private static final long STOP_WAIT_SECONDS = 10;

  private final Vertx vertx;
  private final CompareConfig config;
  private final ComparisonRunner runner;
  private final Clock clock;
  private final CompareMetrics metrics;
  private final PointWriter verdictWriter;
  private final WorkerExecutor workers;
  private final AtomicReference<Instant> runningSince = new AtomicReference<>();
  private final AtomicReference<Thread> runThread = new AtomicReference<>();
  private Promise<Void> runEnded = Promise.promise();
  private volatile LatestComparison latest;
  private volatile RunFailure lastFailure;
  private Long timer;
  private volatile BooleanSupplier scheduleHere = () -> true;

  /**
   * @param runner runs one comparison; {@link ComparisonRunner#standard()} outside tests
   * @param registry where the service's metrics are published
   * @param verdictWriter where each finished comparison's {@link VerdictPoint} goes (InfluxDB)
   */
  public ComparisonService(
      Vertx vertx,
      CompareConfig config,
      ComparisonRunner runner,
      Clock clock,
      MeterRegistry registry,
      PointWriter verdictWriter) {
    this.vertx = vertx;
    this.verdictWriter = verdictWriter;
    this.config = config;
    this.runner = runner;
    this.clock = clock;
    this.workers = vertx.createSharedWorkerExecutor(POOL, 1, MAX_RUN_HOURS, TimeUnit.HOURS);
    this.metrics = new CompareMetrics(registry, this::status);
  }

  /**
   * Reads the latest report back from {@code report_dir} (a file that cannot be read is logged and
   * left aside), then starts the schedule when there is one.
   */
  public Future<Void> start() {
    Future<Optional<LatestComparison>> loaded =
        config.reportDir().map(this::readLatest).orElse(Future.succeededFuture(Optional.empty()));
    return loaded.map(
        found -> {
          found.ifPresent(
              comparison -> {
                latest = comparison;
                LOG.info(
                    "Latest comparison read back: {} (exit {}) finished {}",
                    comparison.summary().verdict(),
                    comparison.summary().exitCode(),
                    comparison.summary().finishedAt());
              });
          if (config.scheduled()) {
            timer = vertx.setPeriodic(config.schedule().toMillis(), id -> onTick());
          }
          return null;
        });
  }

  /** Starts a comparison unless one is running; returns at once. */
  public RunStart requestRun() {
    Instant now = clock.instant();
    if (!runningSince.compareAndSet(null, now)) {
      return new RunStart(false, runningSince.get());
    }
    LOG.info("Comparison ({} phase) started", config.phase());
    Promise<Void> ended = Promise.promise();
    runEnded = ended;
    workers
        .executeBlocking(this::runAndRender, false)
        .onComplete(
            done -> {
              if (done.succeeded()) {
                finished(done.result().comparison());
                writeVerdict(done.result().verdict());
              } else {
                failed(done.cause());
              }
              runningSince.set(null);
              ended.complete();
            });
    return new RunStart(true, now);
  }

  /** The latest report and whether a run is going on. */
  public ComparisonStatus status() {
    return new ComparisonStatus(
        Optional.ofNullable(latest),
        Optional.ofNullable(runningSince.get()),
        Optional.ofNullable(lastFailure));
  }

  /**
   * Stops the schedule, interrupts a run in progress and waits up to {@value #STOP_WAIT_SECONDS}
   * seconds for it to end, then releases the worker pool.
   */
  public Future<Void> close() {
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
    Future<Void> idle = Future.succeededFuture();
    if (runningSince.get() != null) {
      Thread running = runThread.get();
      if (running != null) {
        running.interrupt();
      }
      idle =
          runEnded
              .future()
              .timeout(STOP_WAIT_SECONDS, TimeUnit.SECONDS)
              .recover(
                  e -> {
                    LOG.warn(
                        "The running comparison did not stop within {} s; leaving it behind",
                        STOP_WAIT_SECONDS);
                    return Future.succeededFuture();
                  });
    }
    return idle.eventually(workers::close);
  }

  /**
   * Runs scheduled comparisons only while {@code leading} says so (in a cluster of collectors, on
   * the leader only, so that each runs once); runs on demand are not affected.
   */
  public void scheduleOnlyWhile(BooleanSupplier leading) {
    this.scheduleHere = leading;
  }

  private void onTick() {
    if (!scheduleHere.getAsBoolean()) {
      return;
    }
    if (!requestRun().started()) {
      metrics.tickSkipped();
      LOG.debug("Scheduled comparison skipped: the previous one is still running");
    }
  }

  /** A finished run: what is served, and the verdict as a point for InfluxDB. */
  private record Finished(LatestComparison comparison, Point verdict) {}

  private Finished runAndRender() throws InterruptedException {
    runThread.set(Thread.currentThread());
    try {
      ComparisonReport report = runner.run(config.topology(), config.options());
      LatestComparison rendered = LatestComparison.render(report);
      config.reportDir().ifPresent(dir -> writeFiles(dir, rendered));
      return new Finished(rendered, VerdictPoint.of(report));
    } finally {
      runThread.set(null);
      // An interrupt that arrived after the run's last wait must not reach the pool's next task.
      Thread.interrupted();
    }
  }

  private static void writeFiles(Path dir, LatestComparison rendered) {
    try {
      List<Path> written = ReportFiles.write(dir, rendered);
      LOG.info("Comparison report written: {}", written);
    } catch (IOException e) {
      // The verdict is still served; only the copy on disk (and its survival of a restart) is lost.
      LOG.warn("Cannot write the comparison report to {}: {}", dir, e.toString());
    }
  }

  private void finished(LatestComparison comparison) {
    latest = comparison;
    lastFailure = null;
    metrics.runFinished(comparison.summary().verdict().name());
    LOG.info(
        "Comparison finished: {} (exit {})",
        comparison.summary().verdict(),
        comparison.summary().exitCode());
  }

  private void writeVerdict(Point verdict) {
    verdictWriter
        .write(List.of(verdict))
        .onFailure(
            e ->
                LOG.warn(
                    "Cannot write the comparison's verdict to InfluxDB ({} is not updated): {}",
                    VerdictPoint.MEASUREMENT,
                    e.getMessage()));
  }

  private void failed(Throwable cause) {
    String message =
        cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    lastFailure = new RunFailure(message, clock.instant());
    metrics.runFinished(CompareMetrics.ERROR);
    LOG.warn("Comparison ended without a report: {}", message);
  }

  private Future<Optional<LatestComparison>> readLatest(Path dir) {
    return workers
        .executeBlocking(() -> ReportFiles.readLatest(dir), false)
        .recover(
            e -> {
              LOG.warn("Cannot read the latest comparison report from {}: {}", dir, e.getMessage());
              return Future.succeededFuture(Optional.empty());
            });
  }
}
