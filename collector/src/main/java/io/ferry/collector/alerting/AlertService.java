package io.ferry.collector.alerting;

import io.ferry.alerts.Alert;
import io.ferry.alerts.dispatch.Dispatcher;
import io.ferry.alerts.eval.AlertEngine;
import io.ferry.alerts.eval.Transition;
import io.ferry.alerts.slo.SloDefinition;
import io.ferry.alerts.slo.SloStatus;
import io.ferry.collector.influx.PointWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * InfluxDB as {@code ferry_alert}, and at every evaluation each SLO's budget and burn rates as
 * {@code ferry_slo}; the state is saved to the state file every {@link #SAVE_EVERY} and at
 * shutdown, and taken back at start-up.
 *
 * <p>The engine runs on one ordered worker ({@value #ENGINE_POOL}), never on the event loop;
 * notifications are sent on a small worker pool per receiver ({@value #NOTIFY_POOL}{@code
 * -<receiver>}).
 */
public final class AlertService {

  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

  static final String ENGINE_POOL = "ferry-alerts";
  static final String NOTIFY_POOL = "ferry-notify";

  /**
   * Sends at once per receiver: each receiver has a worker pool of its own, so one that hangs until
   * its timeout delays only its own notifications.
   */
  static final int SENDS_PER_RECEIVER = 4;

  /** How often the state file is rewritten while running: every 10 seconds. */
  static final Duration SAVE_EVERY = Duration.ofSeconds(10);

  /** How long a stop waits for notifications being sent, so they are saved as sent: 10 s. */
  static final Duration SEND_GRACE_AT_STOP = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final AlertingConfig config;
  private final PointWriter writer;
  private final Clock clock;
  private final String collectorHost;
  private final BooleanSupplier influxReachable;
  private final AlertEngine engine;
  private final Optional<AlertStateFile> stateFile;
  private final Map<String, SloDefinition> slosByName = new HashMap<>();
  private WorkerExecutor engineWorker;
  private final Map<String, WorkerExecutor> notifyWorkers = new HashMap<>();
  private Dispatcher dispatcher;
  private long timer = -1;
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
    config.slos().forEach(slo -> slosByName.put(slo.name(), slo));
  }

  /** Restores the saved state and starts the timer. */
  public Future<Void> start() {
    engineWorker = vertx.createSharedWorkerExecutor(ENGINE_POOL, 1, 60, TimeUnit.SECONDS);
    for (String receiver : config.notifiers().keySet()) {
      notifyWorkers.put(
          receiver,
          vertx.createSharedWorkerExecutor(
              NOTIFY_POOL + "-" + receiver, SENDS_PER_RECEIVER, 5, TimeUnit.MINUTES));
    }
    dispatcher =
        Dispatcher.withExecutorPerReceiver(
            config.dispatch(),
            config.notifiers(),
            receiver ->
                task ->
                    notifyWorkers
                        .get(receiver)
                        .executeBlocking(
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
              writeSloStatuses(now);
              if (!lastSave.plus(SAVE_EVERY).isAfter(now)) {
                save(now);
              }
              return null;
            })
        .onFailure(e -> LOG.error("Alert evaluation failed", e));
  }

  /** The collector's own health, as a point the shipped collector rules read. */
  private Point selfPoint(Instant now) {
    return Point.builder("ferry_collector")
        .tag("host", collectorHost)
        .field("influxdb_up", influxReachable.getAsBoolean())
        .timestamp(now)
        .build();
  }

  /**
   * Writes each SLO's budget and burn rates as {@code ferry_slo} through the collector's writer,
   * the path ingested points take; like the alert history it never holds evaluation up.
   */
  private void writeSloStatuses(Instant now) {
    if (config.slos().isEmpty()) {
      return;
    }
    List<Point> points = new ArrayList<>();
    for (SloStatus status : engine.sloStatuses(now)) {
      points.add(SloStatusPoint.of(slosByName.get(status.slo()), status));
    }
    writer
        .write(points)
        .onFailure(e -> LOG.debug("SLO statuses not written to InfluxDB: {}", e.getMessage()));
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

  /** Compliance, error budget and burn rates of every configured SLO now, in config order. */
  public List<SloStatus> sloStatuses() {
    return engine.sloStatuses(clock.instant());
  }

  /** The configured SLOs, in config order. */
  public List<SloDefinition> slos() {
    return config.slos();
  }

  /** The hosts the absence rules expect (their inventory), also those that never reported. */
  public java.util.SortedSet<String> expectedHosts() {
    return config.expectedHosts();
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
    if (engineWorker == null) {
      return Future.succeededFuture();
    }
    return engineWorker
        .executeBlocking(
            () -> {
              // A page being sent right now must be in the notification log before the last save,
              // or the next start would send it again.
              if (!dispatcher.awaitSendsInFlight(SEND_GRACE_AT_STOP)) {
                LOG.warn(
                    "Stopping with notifications still being sent after {}: they may be sent again"
                        + " after the restart",
                    ConfigUnits.formatDuration(SEND_GRACE_AT_STOP));
              }
              save(clock.instant());
              return null;
            })
        .eventually(() -> engineWorker.close())
        .eventually(
            () -> Future.join(notifyWorkers.values().stream().map(WorkerExecutor::close).toList()))
        .mapEmpty();
  }
}
