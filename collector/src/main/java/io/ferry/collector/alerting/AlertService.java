package io.ferry.collector.alerting;

import io.ferry.alerts.Alert;
import io.ferry.alerts.dispatch.DispatchState;
import io.ferry.alerts.dispatch.Dispatcher;
import io.ferry.alerts.eval.AlertEngine;
import io.ferry.alerts.eval.EngineState;
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
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the alerts library to the collector: the points of every accepted batch that the rules need
 * go to the {@link AlertEngine} as they arrive (whatever InfluxDB does with them), through a queue
 * bounded by {@code alerts.max_queued_points} that admits a push before it is accepted ({@link
 * #admit}); a timer evaluates what time alone changes and lets the {@link Dispatcher} send what is
 * due; each status change is written to InfluxDB as {@code ferry_alert}, and at every evaluation
 * each SLO's budget and burn rates as {@code ferry_slo}; the state is saved to the state file every
 * {@link #SAVE_EVERY} and at shutdown, and taken back at start-up.
 *
 * <p>The engine runs on one ordered worker ({@value #ENGINE_POOL}), never on the event loop;
 * notifications are sent on a small worker pool per receiver ({@value #NOTIFY_POOL}{@code
 * -<receiver>}).
 *
 * <p>In a cluster of collectors ({@link Clustered}) only the collector that holds the lead
 * evaluates: it restores the state the previous evaluator published (or the state file when none
 * was), takes the points every collector forwards, and publishes its state after each change. The
 * others only forward their own {@code ferry_collector} point every evaluation interval.
 */
public final class AlertService implements AlertFeed {

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

  /**
   * How an alert service takes part in a cluster of collectors.
   *
   * @param replica where the evaluator publishes its state and the next one reads it
   * @param forward where this collector's own {@code ferry_collector} point goes (to the evaluator)
   */
  public record Clustered(AlertStateReplica replica, Consumer<List<Point>> forward) {}

  /**
   * How often the dispatcher is asked what is due (group waits and intervals, retries), apart from
   * the evaluation: every 100 ms, so a notification leaves within 100 ms of its group's timer
   * whatever {@code evaluation_interval} is (with a tick only per evaluation, a page waited up to
   * one more interval after its group wait).
   */
  static final Duration DISPATCH_EVERY = Duration.ofMillis(100);

  private final Vertx vertx;
  private final Optional<Clustered> clustered;
  private final AlertingConfig config;
  private final PointWriter writer;
  private final Clock clock;
  private final String collectorHost;
  private final BooleanSupplier influxReachable;
  private final DoubleSupplier pushesRefusedPercent;
  private volatile AlertEngine engine;
  private final Optional<AlertStateFile> stateFile;
  private final Map<String, SloDefinition> slosByName = new HashMap<>();
  private final AlertPointFilter needed;
  private final QueuedPoints queue;
  private WorkerExecutor engineWorker;
  private final Map<String, WorkerExecutor> notifyWorkers = new HashMap<>();
  private Dispatcher dispatcher;
  private long timer = -1;
  private long dispatchTimer = -1;
  private Instant lastSave = Instant.MIN;
  private volatile boolean evaluating;
  private volatile boolean closing;
  private volatile String lastComparable;
  private Future<Void> publishing = Future.succeededFuture();

  /**
   * @param collectorHost the {@code host} tag of the collector's own {@code ferry_collector} points
   * @param influxReachable whether the latest write reached InfluxDB
   * @param pushesRefusedPercent the share of pushes refused because the collector was full since
   *     the last call, read once for each of the collector's own points
   */
  public AlertService(
      Vertx vertx,
      AlertingConfig config,
      PointWriter writer,
      Clock clock,
      String collectorHost,
      BooleanSupplier influxReachable,
      DoubleSupplier pushesRefusedPercent) {
    this(
        vertx,
        config,
        writer,
        clock,
        collectorHost,
        influxReachable,
        pushesRefusedPercent,
        Optional.empty());
  }

  /**
   * @param clustered how this collector shares evaluation with others; empty when it runs alone
   */
  public AlertService(
      Vertx vertx,
      AlertingConfig config,
      PointWriter writer,
      Clock clock,
      String collectorHost,
      BooleanSupplier influxReachable,
      DoubleSupplier pushesRefusedPercent,
      Optional<Clustered> clustered) {
    this.vertx = vertx;
    this.clustered = clustered;
    this.config = config;
    this.writer = writer;
    this.clock = clock;
    this.collectorHost = collectorHost;
    this.influxReachable = influxReachable;
    this.pushesRefusedPercent = pushesRefusedPercent;
    this.engine = newEngine();
    this.stateFile = config.stateFile().map(AlertStateFile::new);
    config.slos().forEach(slo -> slosByName.put(slo.name(), slo));
    this.needed = new AlertPointFilter(config);
    this.queue = new QueuedPoints(config.maxQueuedPoints());
  }

  /**
   * Restores the saved state and starts the timer; in a cluster it only starts the timer (the state
   * is restored by {@link #takeOver()}).
   */
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
    Future<Boolean> restored =
        clustered.isPresent()
            ? Future.succeededFuture(false)
            : engineWorker.executeBlocking(this::restore);
    return restored
        .onSuccess(
            done -> {
              if (clustered.isEmpty()) {
                evaluating = true;
              }
              long period = Math.max(50, config.evaluationInterval().toMillis());
              timer = vertx.setPeriodic(period, id -> tick());
              dispatchTimer = vertx.setPeriodic(DISPATCH_EVERY.toMillis(), id -> dispatchNow());
              LOG.info(
                  "Alerting: {} rules, {} SLOs, {} receivers, phase {}{}",
                  config.rules().size(),
                  config.slos().size(),
                  config.notifiers().size(),
                  config.phase().configName(),
                  clustered.isPresent()
                      ? ", evaluated by the cluster's leader"
                      : done ? ", state restored from " + stateFile.orElseThrow() : "");
            })
        .mapEmpty();
  }

  /**
   * Makes this collector the cluster's alert evaluator: restores the state the previous evaluator
   * published, or else the state file, then evaluates from the next tick on.
   */
  public Future<Void> takeOver() {
    Clustered cluster = clustered.orElseThrow();
    return cluster
        .replica()
        .load()
        .compose(published -> engineWorker.executeBlocking(() -> restoreForTakeOver(published)))
        .onSuccess(
            from -> {
              evaluating = true;
              LOG.info("This collector now evaluates the cluster's alerts ({})", from);
            })
        .mapEmpty();
  }

  /**
   * Stops evaluating (this collector no longer leads its cluster) and forgets the alert state, so
   * that the next {@link #takeOver()} starts from the cluster's state alone.
   */
  public Future<Void> standBy() {
    evaluating = false;
    return engineWorker
        .executeBlocking(
            () -> {
              engine = newEngine();
              lastComparable = null;
              return null;
            })
        .mapEmpty();
  }

  private AlertEngine newEngine() {
    return new AlertEngine(config.rules(), config.slos(), config.phase(), clock.instant());
  }

  /** Whether this collector evaluates alerts: always alone, in a cluster only the leader. */
  public boolean evaluating() {
    return evaluating;
  }

  private String restoreForTakeOver(Optional<String> published) throws IOException {
    if (published.isPresent()) {
      var saved = AlertStateFile.fromJson(published.get());
      engine.restore(saved.engine(), clock.instant());
      dispatcher.restore(saved.dispatch());
      lastComparable = null;
      return "state taken over from the cluster: " + saved.engine().alerts().size() + " alerts";
    }
    return restore()
        ? "state restored from " + stateFile.orElseThrow()
        : "no state published in the cluster or saved";
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

  /**
   * Reserves room in the engine's queue for the points of a push the rules need ({@link
   * AlertPointFilter}); see {@link AlertFeed}. The queue holds at most {@code
   * alerts.max_queued_points} points admitted and not yet observed by the engine; a push that would
   * pass it is refused, with nothing queued. Any thread.
   */
  @Override
  public Admission admit(List<Point> points) {
    return admitSelected(needed.needed(points));
  }

  @Override
  public Admission admitSignsOfLife(List<Point> refused) {
    return admitSelected(needed.signsOfLife(refused));
  }

  private Admission admitSelected(List<Point> selected) {
    if (selected.isEmpty()) {
      return Admission.NOTHING;
    }
    if (closing) {
      // Refused, not dropped: a collector that forwarded them sends them to the next leader.
      return Admission.refused("alerting is stopping");
    }
    if (!queue.tryAdd(selected.size())) {
      return Admission.refused(
          "the alert engine already has "
              + queue.queued()
              + " points waiting (alerts.max_queued_points: "
              + queue.max()
              + ")");
    }
    return Admission.of(() -> observe(selected), () -> queue.remove(selected.size()));
  }

  /** Points admitted for the engine and not yet observed by it, at most the bound. */
  public int queuedPoints() {
    return queue.queued();
  }

  /**
   * Feeds admitted points to the engine (off the event loop, in order). The future completes once
   * they are evaluated and, in a cluster, the state they changed is published.
   */
  private Future<Void> observe(List<Point> points) {
    if (closing) {
      queue.remove(points.size());
      return Future.failedFuture("alerting is stopping");
    }
    Instant arrival = clock.instant();
    return engineWorker
        .executeBlocking(
            () -> {
              List<Transition> transitions;
              try {
                transitions = engine.ingest(points, arrival);
              } finally {
                // Observed: the engine keeps what it needs of them, the queue no longer holds them.
                queue.remove(points.size());
              }
              // Tick at once only when the batch changed something, so a new page need not
              // wait for the timer; most batches change nothing and cost no tick.
              if (handle(transitions, arrival)) {
                dispatcher.tick(arrival);
                return stateToPublish(arrival);
              }
              return null;
            })
        // Evaluating the same points again would fail the same way: only publishing may fail the
        // future (a collector that forwarded them sends them again).
        .recover(
            e -> {
              LOG.error("Alert evaluation of ingested points failed", e);
              return Future.succeededFuture();
            })
        .compose(this::publish);
  }

  private void tick() {
    Instant now = clock.instant();
    clustered.ifPresent(cluster -> cluster.forward().accept(List.of(selfPoint(now))));
    if (evaluating) {
      evaluateNow(now);
    }
  }

  private void evaluateNow(Instant now) {
    engineWorker
        .executeBlocking(
            () -> {
              if (clustered.isEmpty()) {
                handle(engine.ingest(List.of(selfPoint(now)), now), now);
              }
              handle(engine.evaluate(now), now);
              dispatcher.tick(now);
              writeSloStatuses(now);
              if (!lastSave.plus(SAVE_EVERY).isAfter(now)) {
                save(now);
              }
              return stateToPublish(now);
            })
        .compose(this::publish)
        .onFailure(e -> LOG.error("Alert evaluation failed", e));
  }

  /**
   * In a cluster, the state as JSON when it changed since it was last published; otherwise null.
   * Runs on the engine worker.
   */
  private String stateToPublish(Instant now) throws IOException {
    if (clustered.isEmpty()) {
      return null;
    }
    EngineState state = engine.snapshot(now);
    DispatchState dispatch = dispatcher.snapshot();
    // Compared without the time it was taken, which changes at every call.
    String comparable =
        AlertStateFile.toJson(
            new AlertStateFile.Saved(
                new EngineState(Instant.EPOCH, state.alerts(), state.lastSeen()), dispatch));
    if (comparable.equals(lastComparable)) {
      return null;
    }
    lastComparable = comparable;
    return AlertStateFile.toJson(new AlertStateFile.Saved(state, dispatch));
  }

  /** Publishes a state (null: nothing changed), in the order the states were taken. */
  private Future<Void> publish(String state) {
    if (state == null) {
      return Future.succeededFuture();
    }
    AlertStateReplica replica = clustered.orElseThrow().replica();
    publishing =
        publishing
            .transform(previous -> replica.publish(state))
            .onFailure(
                e -> {
                  // Published again at the next evaluation, changed or not.
                  lastComparable = null;
                  LOG.warn("Alert state not published to the cluster: {}", e.getMessage());
                });
    return publishing;
  }

  /** Sends what is due between evaluations; in a cluster only the evaluating collector sends. */
  private void dispatchNow() {
    if (!evaluating) {
      return;
    }
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
        .field("pushes_refused_percent", pushesRefusedPercent.getAsDouble())
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
    closing = true;
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
              // A collector in a cluster that never evaluated holds no state worth a file.
              if (!evaluating) {
                return null;
              }
              // A page being sent right now must be in the notification log before the last save,
              // or the next start would send it again.
              if (!dispatcher.awaitSendsInFlight(SEND_GRACE_AT_STOP)) {
                LOG.warn(
                    "Stopping with notifications still being sent after {}: they may be sent again"
                        + " after the restart",
                    ConfigUnits.formatDuration(SEND_GRACE_AT_STOP));
              }
              Instant now = clock.instant();
              save(now);
              // The next leader starts from the state this one stopped with.
              return stateToPublish(now);
            })
        .compose(this::publish)
        .eventually(() -> engineWorker.close())
        .eventually(
            () -> Future.join(notifyWorkers.values().stream().map(WorkerExecutor::close).toList()))
        .mapEmpty();
  }
}
