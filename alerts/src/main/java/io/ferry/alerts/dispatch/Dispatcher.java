package io.ferry.alerts.dispatch;

import io.ferry.alerts.Alert;
import io.ferry.alerts.AlertStatus;
import io.ferry.alerts.Labels;
import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns alert state changes into notifications, as Alertmanager's dispatcher and notification
 * pipeline: route → group → (at each group flush) inhibit, silence, maintenance window → dedup
 * against the notification log → send with retries and fallback.
 *
 * <p>The dispatcher has no clock and no thread of its own: the evaluator calls {@link
 * #update(Collection, Instant)} with the alerts whose state changed, the host calls {@link
 * #tick(Instant)} every 100 to 250 ms, and every timing decision uses the {@code now} they pass.
 * Sends block, so they run on the {@link Executor} given to the constructor; their results are
 * applied under the dispatcher's lock. A receiver's failure never reaches the caller: it is counted
 * in {@link #metrics()} and retried, and logged once per receiver when it starts failing (each
 * attempt at debug level) and once when it takes a notification again.
 *
 * <pre>{@code
 * DispatchConfig config = DispatchConfigReader.read(root.mapping("alerts"), notifiers.keySet());
 * Dispatcher dispatcher = new Dispatcher(config, notifiers, workerPool, RandomGenerator.getDefault());
 * dispatcher.restore(DispatchStateJson.read(savedJson));   // after a restart
 * evaluator: dispatcher.update(changedAlerts, now);
 * host, every 200 ms: dispatcher.tick(clock.instant());
 * host, now and then and at shutdown: save(DispatchStateJson.write(dispatcher.snapshot()));
 * }</pre>
 */
public final class Dispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final DispatchConfig config;
  private final Map<String, Notifier> notifiers;
  private final Function<String, Executor> executorFor;
  private final RandomGenerator random;
  private final Silences silences = new Silences();
  private final MaintenanceWindows maintenanceWindows;
  private final MuteStage muteStage;
  private final NotificationLog notificationLog = new NotificationLog();
  private final FlapDetector flapDetector;
  private final DispatchMetrics metrics = new DispatchMetrics();
  private final Object lock = new Object();
  private final Map<String, AlertGroup> groups = new LinkedHashMap<>();

  /** Receivers whose last attempt failed: their failure is logged once, until one succeeds. */
  private final Set<String> failingReceivers = new HashSet<>();

  /**
   * A dispatcher whose sends all run on one executor.
   *
   * @param config routes, inhibit rules, maintenance windows, retry, flap damping
   * @param notifiers one per receiver name; every receiver the configuration names must be here
   * @param executor where sends run (a bounded worker pool; tests pass {@code Runnable::run})
   * @param random the source of retry jitter (under the dispatcher's lock, so need not be
   *     thread-safe)
   * @throws IllegalArgumentException when a receiver of the configuration has no notifier
   */
  public Dispatcher(
      DispatchConfig config,
      Map<String, Notifier> notifiers,
      Executor executor,
      RandomGenerator random) {
    this(config, notifiers, random, receiver -> executor);
  }

  /**
   * A dispatcher whose sends run on an executor per receiver, so that a receiver that hangs until
   * its timeout holds up only its own sends, never those of other receivers (the fallback among
   * them).
   *
   * @param executorFor the executor of each receiver name; called for every send
   * @see #Dispatcher(DispatchConfig, Map, Executor, RandomGenerator)
   */
  public static Dispatcher withExecutorPerReceiver(
      DispatchConfig config,
      Map<String, Notifier> notifiers,
      Function<String, Executor> executorFor,
      RandomGenerator random) {
    return new Dispatcher(config, notifiers, random, executorFor);
  }

  private Dispatcher(
      DispatchConfig config,
      Map<String, Notifier> notifiers,
      RandomGenerator random,
      Function<String, Executor> executorFor) {
    this.config = config;
    this.notifiers = Map.copyOf(notifiers);
    this.executorFor = executorFor;
    this.random = random;
    List<String> needed = new ArrayList<>(config.route().receivers());
    config.fallbackReceiver().ifPresent(needed::add);
    for (String receiver : needed) {
      if (!this.notifiers.containsKey(receiver)) {
        throw new IllegalArgumentException("no notifier for receiver " + receiver);
      }
    }
    this.maintenanceWindows = new MaintenanceWindows(config.maintenanceWindows());
    this.muteStage = new MuteStage(config.inhibitRules(), silences, maintenanceWindows);
    this.flapDetector = new FlapDetector(config.flap());
  }

  /** The silences: add, expire and list them at any time. */
  public Silences silences() {
    return silences;
  }

  /** The maintenance windows: those of the configuration, and those added at run time. */
  public MaintenanceWindows maintenanceWindows() {
    return maintenanceWindows;
  }

  /** Counters per receiver. */
  public DispatchMetrics metrics() {
    return metrics;
  }

  /**
   * Takes alerts whose state changed: firing ones and resolved ones ({@link AlertStatus#PENDING}
   * ones are ignored). A firing alert joins its groups (one per matching route), a new group
   * waiting {@code group_wait} before its first notification; a resolved alert replaces its firing
   * self in the groups that have it.
   */
  public void update(Collection<Alert> alerts, Instant now) {
    synchronized (lock) {
      for (Alert alert : alerts) {
        if (alert.status() != AlertStatus.PENDING) {
          take(alert, now, true);
        }
      }
    }
  }

  private void take(Alert alert, Instant now, boolean countChange) {
    String fingerprint = alert.labels().fingerprint();
    Optional<AlertStatus> known = knownStatus(fingerprint);
    boolean changed = known.map(status -> status != alert.status()).orElse(true);
    if (alert.status() == AlertStatus.RESOLVED && known.isEmpty()) {
      return; // never fired here: nobody was told, nobody needs to hear it resolved
    }
    boolean flapping = countChange && changed && flapDetector.changed(fingerprint, now);
    Instant holdUntil =
        alert.status() == AlertStatus.RESOLVED && flapping ? now.plus(config.flap().hold()) : null;
    if (holdUntil != null) {
      LOG.info("Alert {} flaps: its resolved notice waits until {}", fingerprint, holdUntil);
    }
    for (Route.Matched matched : config.route().match(alert.labels())) {
      Labels groupLabels = matched.route().groupLabels(alert.labels());
      String key = AlertGroup.key(matched.key(), groupLabels);
      AlertGroup group = groups.get(key);
      if (alert.status() == AlertStatus.RESOLVED) {
        if (group != null && group.get(fingerprint) != null) {
          DispatchState.AlertState previous = group.get(fingerprint);
          // A repeated resolved report keeps the hold it had.
          Instant hold = changed ? holdUntil : previous.holdUntil();
          group.put(alert, hold);
        }
        continue;
      }
      if (group == null) {
        group =
            new AlertGroup(
                key,
                matched.key(),
                matched.route(),
                groupLabels,
                now.plus(matched.route().groupWait()));
        groups.put(key, group);
      }
      group.put(alert, null);
    }
  }

  private Optional<AlertStatus> knownStatus(String fingerprint) {
    for (AlertGroup group : groups.values()) {
      DispatchState.AlertState state = group.get(fingerprint);
      if (state != null) {
        return Optional.of(state.alert().status());
      }
    }
    return Optional.empty();
  }

  /**
   * Does what is due at {@code now}: flushes the groups whose timer expired (muting, dedup, send),
   * starts retries whose backoff is over, drops old history. Sends are handed to the executor after
   * the lock is released.
   */
  public void tick(Instant now) {
    List<Attempt> attempts = new ArrayList<>();
    synchronized (lock) {
      silences.dropOld(now);
      flapDetector.dropOld(now);
      notificationLog.dropOld(now, groups.keySet());
      Collection<Labels> firing = firingLabels();
      for (var it = groups.values().iterator(); it.hasNext(); ) {
        AlertGroup group = it.next();
        if (group.delivery != null) {
          if (group.delivery.dueAt(now)) {
            attempts.add(start(group, group.delivery, now));
          }
          if (group.flushDue(now)) {
            group.flushed(now); // one delivery per group at a time; its flush waits its turn
          }
          continue;
        }
        if (group.flushDue(now)) {
          flush(group, now, firing).ifPresent(attempts::add);
          group.flushed(now);
        }
        if (group.isEmpty() && group.delivery == null) {
          it.remove();
        }
      }
    }
    attempts.forEach(this::submit);
  }

  private Collection<Labels> firingLabels() {
    Set<Labels> firing = new LinkedHashSet<>();
    for (AlertGroup group : groups.values()) {
      for (Alert alert : group.alerts()) {
        if (alert.status() == AlertStatus.FIRING) {
          firing.add(alert.labels());
        }
      }
    }
    return firing;
  }

  /** Mute, dedup and, when the receiver must be told something, start a delivery. */
  private Optional<Attempt> flush(AlertGroup group, Instant now, Collection<Labels> firingNow) {
    Map<String, Alert> firing = new TreeMap<>();
    Map<String, Alert> resolved = new TreeMap<>();
    for (Alert alert : group.effectiveAlerts(now)) {
      Optional<String> mutedBy = muteStage.mutedBy(alert.labels(), now, firingNow);
      if (mutedBy.isPresent()) {
        LOG.debug("Alert {} of group {} muted: {}", alert.labels(), group.key, mutedBy.get());
        continue;
      }
      (alert.status() == AlertStatus.FIRING ? firing : resolved)
          .put(alert.labels().fingerprint(), alert);
    }
    String receiver = group.route.receiver();
    Optional<NotificationLogEntry> last = notificationLog.last(receiver, group.key);
    Map<String, Alert> resolvedKnown = new TreeMap<>(resolved);
    resolvedKnown.keySet().retainAll(last.map(NotificationLogEntry::firing).orElse(Set.of()));
    Map<String, Alert> resolvedAtFlush = group.resolvedNotHeld(now);
    if (!NotificationLog.needsUpdate(
        last, firing.keySet(), resolvedKnown.keySet(), group.route.repeatInterval(), now)) {
      group.forget(resolvedAtFlush);
      return Optional.empty();
    }
    List<Alert> alerts = new ArrayList<>(firing.values());
    if (group.route.sendResolved()) {
      alerts.addAll(resolvedKnown.values());
    }
    if (alerts.isEmpty()) {
      // Only resolved alerts, and this route does not announce them: just note they are gone.
      notificationLog.record(
          new NotificationLogEntry(receiver, group.key, Set.of(), resolvedKnown.keySet(), now));
      group.forget(resolvedAtFlush);
      return Optional.empty();
    }
    var notification = new Notification(receiver, group.key, group.groupLabels, alerts);
    group.delivery =
        new Delivery(
            notification,
            firing.keySet(),
            group.route.sendResolved() ? resolvedKnown.keySet() : Set.of(),
            resolvedAtFlush,
            now);
    return Optional.of(start(group, group.delivery, now));
  }

  private Attempt start(AlertGroup group, Delivery delivery, Instant now) {
    delivery.started();
    if (delivery.attempts() > 1) {
      metrics.receiver(delivery.receiver()).countRetried();
    }
    return new Attempt(
        group,
        delivery,
        notifiers.get(delivery.receiver()),
        delivery.notificationToSend(),
        delivery.attempts(),
        now);
  }

  private void submit(Attempt attempt) {
    try {
      executorFor.apply(attempt.notification.receiver()).execute(attempt);
    } catch (RejectedExecutionException e) {
      attempt.complete(new NotifyException("the send queue is full", true, e));
    }
  }

  /** One call of a notifier, run on the executor. */
  private final class Attempt implements Runnable {
    private final AlertGroup group;
    private final Delivery delivery;
    private final Notifier notifier;
    private final Notification notification;
    private final int number;
    private final Instant now;

    Attempt(
        AlertGroup group,
        Delivery delivery,
        Notifier notifier,
        Notification notification,
        int number,
        Instant now) {
      this.group = group;
      this.delivery = delivery;
      this.notifier = notifier;
      this.notification = notification;
      this.number = number;
      this.now = now;
    }

    @Override
    public void run() {
      NotifyException failure = null;
      try {
        notifier.send(notification);
      } catch (NotifyException e) {
        failure = e;
      } catch (RuntimeException e) {
        failure =
            new NotifyException("notifier failed unexpectedly: " + e.getClass().getName(), true, e);
      }
      complete(failure);
    }

    /** Applies the outcome (null: delivered) under the dispatcher's lock. */
    void complete(NotifyException failure) {
      Attempt next;
      synchronized (lock) {
        next = applyOutcome(this, failure);
        lock.notifyAll();
      }
      if (next != null) {
        submit(next);
      }
    }
  }

  /** The retry stage: what follows an attempt; returns an attempt to start at once, or null. */
  private Attempt applyOutcome(Attempt attempt, NotifyException failure) {
    AlertGroup group = attempt.group;
    Delivery delivery = attempt.delivery;
    if (group.delivery != delivery) {
      return null; // restored meanwhile: the new state decides
    }
    String receiver = delivery.receiver();
    DispatchMetrics.ReceiverCounters counters = metrics.receiver(receiver);
    if (failure == null) {
      if (failingReceivers.remove(receiver)) {
        LOG.info("Receiver {} takes notifications again", receiver);
      }
      counters.countSent();
      delivery.finished();
      notificationLog.record(
          new NotificationLogEntry(
              delivery.notification.receiver(),
              group.key,
              delivery.firing,
              delivery.resolved,
              attempt.now));
      group.delivery = null;
      group.forget(delivery.resolvedAtFlush);
      if (group.isEmpty()) {
        groups.remove(group.key, group);
      }
      return null;
    }
    counters.countFailed();
    int maxAttempts = config.retry().maxAttempts();
    boolean retry = failure.retryable() && attempt.number < maxAttempts;
    if (failingReceivers.add(receiver)) {
      LOG.warn(
          "Receiver {} is failing: {}; its notifications are tried up to {} times, then handed to"
              + " {}; logged again when it takes one",
          receiver,
          failure.getMessage(),
          maxAttempts,
          config.fallbackReceiver().map(name -> "fallback receiver " + name).orElse("nobody"));
    }
    LOG.debug(
        "Receiver {} did not take the notification of group {} (attempt {} of {}, {}): {}",
        receiver,
        group.key,
        attempt.number,
        maxAttempts,
        retry ? "will retry" : failure.retryable() ? "no attempts left" : "not retryable",
        failure.getMessage());
    if (retry) {
      delivery.retryAt(attempt.now.plus(config.retry().backoff(attempt.number, random)));
      return null;
    }
    Optional<String> fallback = config.fallbackReceiver();
    if (!delivery.onFallback() && fallback.isPresent() && !fallback.get().equals(receiver)) {
      counters.countFellBack();
      LOG.debug(
          "Handing the notification of group {} for receiver {} to fallback receiver {}",
          group.key,
          receiver,
          fallback.get());
      delivery.fallBackTo(fallback.get(), attempt.now);
      return start(group, delivery, attempt.now);
    }
    counters.countDropped();
    delivery.finished();
    group.delivery = null;
    LOG.error(
        "No receiver took the notification of group {} for receiver {} ({} firing: {}); it is tried"
            + " again at the group's next interval",
        group.key,
        delivery.notification.receiver(),
        delivery.notification.firing().size(),
        alertNames(delivery.notification));
    return null;
  }

  private static List<String> alertNames(Notification notification) {
    return notification.alerts().stream()
        .map(alert -> alert.status() + " " + alert.labels())
        .toList();
  }

  /**
   * Waits until no notification is being sent, at most {@code timeout}, so that a snapshot taken
   * next records what was delivered (a restart then sends no second page for it). Attempts that
   * wait for their backoff are not in flight: they were not delivered, and the restored state sends
   * them again.
   *
   * @return whether none is in flight now
   */
  public boolean awaitSendsInFlight(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (groups.values().stream().anyMatch(g -> g.delivery != null && g.delivery.running())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** What must survive a restart; see {@link DispatchState}. */
  public DispatchState snapshot() {
    synchronized (lock) {
      return new DispatchState(
          silences.snapshot(),
          maintenanceWindows.addedAtRunTime(),
          notificationLog.snapshot(),
          groups.values().stream().map(AlertGroup::snapshot).toList(),
          flapDetector.snapshot());
    }
  }

  /**
   * Replaces this dispatcher's state with {@code state}, as saved by {@link #snapshot()} before a
   * restart; call it before the first {@link #update}. A group whose route no longer exists in the
   * configuration is dissolved and its firing alerts routed again, keeping the group's timer.
   */
  public void restore(DispatchState state) {
    synchronized (lock) {
      silences.replaceAll(state.silences());
      maintenanceWindows.restoreAdded(state.maintenanceWindows());
      notificationLog.restore(state.notificationLog());
      flapDetector.restore(state.flapChanges());
      groups.clear();
      List<DispatchState.GroupState> orphans = new ArrayList<>();
      for (DispatchState.GroupState saved : state.groups()) {
        Route route = config.route().find(saved.routeKey());
        Labels groupLabels =
            route == null || saved.alerts().isEmpty()
                ? null
                : route.groupLabels(saved.alerts().get(0).alert().labels());
        if (groupLabels == null
            || !AlertGroup.key(saved.routeKey(), groupLabels).equals(saved.key())) {
          orphans.add(saved);
          continue;
        }
        var group =
            new AlertGroup(saved.key(), saved.routeKey(), route, groupLabels, saved.nextFlushAt());
        saved.alerts().forEach(alert -> group.put(alert.alert(), alert.holdUntil()));
        groups.put(group.key, group);
      }
      int rerouted = 0;
      for (DispatchState.GroupState orphan : orphans) {
        for (DispatchState.AlertState alert : orphan.alerts()) {
          if (alert.alert().status() == AlertStatus.FIRING) {
            take(alert.alert(), orphan.nextFlushAt().minus(config.route().groupWait()), false);
            rerouted++;
          }
        }
      }
      if (!orphans.isEmpty()) {
        LOG.warn(
            "{} saved groups no longer match the routes; their {} firing alerts were routed again",
            orphans.size(),
            rerouted);
      }
    }
  }
}
