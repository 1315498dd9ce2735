package io.ferry.collector.alerting;

import io.ferry.alerts.Alert;
import io.ferry.alerts.dispatch.Dispatcher;
import io.ferry.alerts.eval.AlertEngine;
import io.ferry.alerts.eval.Transition;
import io.ferry.collector.influx.PointWriter;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the alerts library to the collector: every accepted batch goes to the {@link AlertEngine}
 * as it arrives (before, and whatever, InfluxDB does with it); a timer evaluates what time alone
 * changes and lets the {@link Dispatcher} send what is due; each status change is written to
 * InfluxDB as {@code ferry_alert}; the state is saved to the state file every {@link #SAVE_EVERY}
 * and at shutdown, and taken back at start-up.
 *
 * <p>The engine runs on one ordered worker ({@value #ENGINE_POOL}), never on the event loop;
 * notifications are sent on a small worker pool ({@value #NOTIFY_POOL}).
 */
public final class AlertService {

  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

  static final String ENGINE_POOL = "ferry-alerts";
  static final String NOTIFY_POOL = "ferry-notify";

  /** How often the state file is rewritten while running: every 10 seconds. */
  static final Duration SAVE_EVERY = Duration.ofSeconds(10);

  /**
   * How often the dispatcher is asked what is due (group waits and intervals, retries), apart from
   * the evaluation: every 100 ms, so a notification leaves within 100 ms of its group's timer
   * whatever {@code evaluation_interval} is (with a tick only per evaluation, a page waited up to
   * one more interval after its group wait).
   */
  static final Duration DISPATCH_EVERY = Duration.ofMillis(100);

  private final Vertx vertx;
  private final AlertingConfig config;
  private final PointWriter writer;
  private final Clock clock;
  private final String collectorHost;
  private final BooleanSupplier influxReachable;
  private final AlertEngine engine;
  private final Optional<AlertStateFile> stateFile;
  private WorkerExecutor engineWorker;
  private WorkerExecutor notifyWorkers;
  private Dispatcher dispatcher;
  private long timer = -1;
  private long dispatchTimer = -1;
  private Instant lastSave = Instant.MIN;

  /**
   * @param collectorHost the {@code host} tag of the collector's own {@code ferry_collector} points
   * @param influxReachable whether the latest write reached InfluxDB
   */
  public AlertService(
      Vertx vertx,
      AlertingConfig config,
      PointWriter writer,
      Clock clock,
      String collectorHost,
      BooleanSupplier influxReachable) {
    this.vertx = vertx;
    this.config = config;
    this.writer = writer;
    this.clock = clock;
    this.collectorHost = collectorHost;
    this.influxReachable = influxReachable;
    this.engine = new AlertEngine(config.rules(), config.slos(), config.phase(), clock.instant());
    this.stateFile = config.stateFile().map(AlertStateFile::new);
  }

  /** Restores the saved state and starts the timer. */
  public Future<Void> start() {
    engineWorker = vertx.createSharedWorkerExecutor(ENGINE_POOL, 1, 60, TimeUnit.SECONDS);
    notifyWorkers = vertx.createSharedWorkerExecutor(NOTIFY_POOL, 4, 5, TimeUnit.MINUTES);
    dispatcher =
        new Dispatcher(
            config.dispatch(),
            config.notifiers(),
            task ->
                notifyWorkers.executeBlocking(
                    () -> {
                      task.run();
                      return null;
                    },
                    false),
            new Random());
    return engineWorker
        .executeBlocking(this::restore)
        .onSuccess(
            restored -> {
              long period = Math.max(50, config.evaluationInterval().toMillis());
              timer = vertx.setPeriodic(period, id -> evaluateNow());
              dispatchTimer = vertx.setPeriodic(DISPATCH_EVERY.toMillis(), id -> dispatchNow());
              LOG.info(
                  "Alerting: {} rules, {} SLOs, {} receivers, phase {}{}",
                  config.rules().size(),
                  config.slos().size(),
                  config.notifiers().size(),
                  config.phase().configName(),
                  restored ? ", state restored from " + stateFile.orElseThrow() : "");
            })
        .mapEmpty();
  }

  private boolean restore() throws IOException {
    if (stateFile.isEmpty()) {
      return false;
    }
    var saved = stateFile.get().load();
    if (saved.isEmpty()) {
      return false;
    }
    engine.restore(saved.get().engine(), clock.instant());
    dispatcher.restore(saved.get().dispatch());
    return true;
  }

  /** Feeds points just accepted by the write endpoints (off the event loop, in order). */
  public void ingest(List<Point> points) {
    if (points.isEmpty()) {
      return;
    }
    Instant arrival = clock.instant();
    engineWorker
        .executeBlocking(
            () -> {
              // Tick at once only when the batch changed something, so a new page need not
              // wait for the timer; most batches change nothing and cost no tick.
              if (handle(engine.ingest(points, arrival), arrival)) {
                dispatcher.tick(arrival);
              }
              return null;
            })
        .onFailure(e -> LOG.error("Alert evaluation of ingested points failed", e));
  }

  private void evaluateNow() {
    Instant now = clock.instant();
    engineWorker
        .executeBlocking(
            () -> {
              handle(engine.ingest(List.of(selfPoint(now)), now), now);
              handle(engine.evaluate(now), now);
              dispatcher.tick(now);
              if (!lastSave.plus(SAVE_EVERY).isAfter(now)) {
                save(now);
              }
              return null;
            })
        .onFailure(e -> LOG.error("Alert evaluation failed", e));
  }

  private void dispatchNow() {
    Instant now = clock.instant();
    engineWorker
        .executeBlocking(
            () -> {
              dispatcher.tick(now);
              return null;
            })
        .onFailure(e -> LOG.error("Dispatching alerts failed", e));
  }

  /** The collector's own health, as a point the shipped collector rules read. */
  private Point selfPoint(Instant now) {
    return Point.builder("ferry_collector")
        .tag("host", collectorHost)
        .field("influxdb_up", influxReachable.getAsBoolean())
        .timestamp(now)
        .build();
  }

  /** Passes the changes on; returns whether there were any. */
  private boolean handle(List<Transition> transitions, Instant now) {
    if (transitions.isEmpty()) {
      return false;
    }
    List<Alert> notifiable = new ArrayList<>();
    List<Point> history = new ArrayList<>();
    for (Transition transition : transitions) {
      if (transition.notifiable()) {
        notifiable.add(transition.alert());
      }
      history.add(AlertTransitionPoint.of(transition, now));
      LOG.info(
          "Alert {} {}: {}",
          transition.alert().labels(),
          transition.alert().status().name().toLowerCase(Locale.ROOT),
          transition.alert().summary());
    }
    dispatcher.update(notifiable, now);
    // History only: InfluxDB being down must not hold evaluation up (its own alert covers it).
    writer
        .write(history)
        .onFailure(e -> LOG.debug("Alert transitions not written to InfluxDB: {}", e.getMessage()));
    return true;
  }

  private void save(Instant now) {
    lastSave = now;
    if (stateFile.isEmpty()) {
      return;
    }
    AlertStateFile file = stateFile.get();
    try {
      file.save(new AlertStateFile.Saved(engine.snapshot(now), dispatcher.snapshot()));
    } catch (IOException e) {
      LOG.error("Cannot save alert state to {}: {}", file, e.getMessage());
    }
  }

  /** The pending and firing alerts. */
  public List<Alert> alerts() {
    return engine.alerts();
  }

  /** The dispatcher, for the silence and maintenance-window API. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** The service's clock now, for the alert API's silence checks and defaults. */
  Instant now() {
    return clock.instant();
  }

  /** Stops the timer and saves the state one last time. */
  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    if (dispatchTimer >= 0) {
      vertx.cancelTimer(dispatchTimer);
    }
    if (engineWorker == null) {
      return Future.succeededFuture();
    }
    return engineWorker
        .executeBlocking(
            () -> {
              save(clock.instant());
              return null;
            })
        .eventually(() -> engineWorker.close())
        .eventually(() -> notifyWorkers.close())
        .mapEmpty();
  }
}
