package io.ferry.collector.cluster;

import io.ferry.collector.alerting.Admission;
import io.ferry.collector.alerting.AlertFeed;
import io.ferry.collector.alerting.AlertPointFilter;
import io.ferry.collector.alerting.AlertService;
import io.ferry.collector.alerting.AlertingConfig;
import io.ferry.collector.compare.ComparisonService;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.ParseResult;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collector's part in a cluster of collectors. Ingest stays where it is (each collector writes
 * what it receives to InfluxDB); what must happen once is done by the leader, the holder of the
 * {@link LeaderLock}: it evaluates the alerts, fed by every collector's {@link
 * AlertPointForwarder}, and runs the scheduled comparisons. When the leader dies, the next
 * collector to take the lock restores the alert state the leader published and goes on.
 */
public final class CollectorCluster {

  private static final Logger LOG = LoggerFactory.getLogger(CollectorCluster.class);

  private static final long TAKE_OVER_RETRY_MILLIS = 1_000;

  private final Vertx vertx;
  private final ClusteringConfig config;
  private final Clock clock;
  private final MeterRegistry registry;
  private final LeaderLock lock;
  private AlertPointForwarder forwarder;
  private MessageConsumer<Buffer> consumer;
  private AlertApiProxy apiProxy;
  private MessageConsumer<Buffer> apiConsumer;
  private volatile boolean closed;

  public CollectorCluster(
      Vertx vertx, ClusteringConfig config, Clock clock, MeterRegistry registry) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.registry = registry;
    this.lock = new LeaderLock(vertx);
    Gauge.builder("ferry.cluster.leader", lock, held -> held.held() ? 1 : 0)
        .description(
            "1 when this collector is the cluster's leader (evaluates alerts, runs scheduled"
                + " comparisons), else 0")
        .register(registry);
  }

  /**
   * The cluster side of alerting: points go to the leader, the state to the cluster map. Call it
   * from the verticle's context, before {@link #start}.
   */
  public AlertService.Clustered alerting(AlertingConfig alerts) {
    var filter = new AlertPointFilter(alerts);
    forwarder =
        new AlertPointForwarder(
            vertx,
            vertx.getOrCreateContext(),
            filter,
            filter::isSignOfLife,
            config.forwardBuffer(),
            config.member().toString(),
            registry);
    return new AlertService.Clustered(new ClusterAlertStateReplica(vertx), forwarder);
  }

  /**
   * Puts the alert API of a collector that does not evaluate in front of the leader's (see {@link
   * AlertApiProxy}); call it before the alert routes are mounted.
   *
   * @param authenticate the token check, which runs before anything is passed on
   * @param paths the alert API's paths
   * @param listenHost {@code listen.host}, where the leader asks its own HTTP server
   * @param listenPort the port that server listens on, once it does
   */
  public void proxyAlertApi(
      Router router,
      Handler<RoutingContext> authenticate,
      BodyHandler body,
      List<String> paths,
      AlertService alerting,
      String listenHost,
      IntSupplier listenPort) {
    apiProxy = new AlertApiProxy(vertx, alerting::evaluating, listenHost, listenPort);
    for (String path : paths) {
      // Vert.x wants a body handler first on its route: the token check gets a route of its own.
      router.route(path).handler(authenticate);
      router.route(path).handler(body).handler(apiProxy::handle);
    }
  }

  /** Where ingested points go for alerting: to the leader, admitted against the forward buffer. */
  public AlertFeed alertFeed() {
    return forwarder == null ? AlertFeed.NONE : forwarder;
  }

  /**
   * Starts waiting for the lead; returns at once. Scheduled comparisons run only while this
   * collector leads; alert evaluation starts once it leads.
   */
  public Future<Void> start(Optional<AlertService> alerting, Optional<ComparisonService> compare) {
    compare.ifPresent(service -> service.scheduleOnlyWhile(lock::held));
    vertx.eventBus().localConsumer(MergeSignal.ADDRESS, merged -> onMerged(alerting));
    lock.start();
    awaitLead(alerting);
    return Future.succeededFuture();
  }

  private void awaitLead(Optional<AlertService> alerting) {
    lock.won()
        .onSuccess(
            won -> {
              LOG.info(
                  "Cluster {}: this collector ({}) leads: it {}",
                  config.name(),
                  config.member(),
                  alerting.isPresent()
                      ? "evaluates the alerts and runs scheduled comparisons"
                      : "runs scheduled comparisons");
              alerting.ifPresent(this::takeOverAlerts);
            });
  }

  /**
   * This collector's side of a split cluster merged into the other side, whose leader kept the
   * lead: a collector that led its side stops evaluating and waits for the lead again, so that one
   * collector evaluates once more.
   */
  private void onMerged(Optional<AlertService> alerting) {
    if (closed || !lock.held()) {
      return;
    }
    LOG.warn(
        "Cluster {}: this collector led its side of a split cluster; the sides merged, so it"
            + " gives the lead up and waits for it again",
        config.name());
    Future<Void> unregistered =
        Future.join(
                consumer == null ? Future.succeededFuture() : consumer.unregister(),
                apiConsumer == null ? Future.succeededFuture() : apiConsumer.unregister())
            .mapEmpty();
    consumer = null;
    apiConsumer = null;
    unregistered
        .eventually(() -> alerting.map(AlertService::standBy).orElse(Future.succeededFuture()))
        .onComplete(
            done -> {
              lock.lost();
              awaitLead(alerting);
            });
  }

  /** Whether this collector leads now. */
  public boolean leading() {
    return lock.held();
  }

  private void takeOverAlerts(AlertService alerting) {
    if (closed) {
      return;
    }
    alerting
        .takeOver()
        .compose(
            taken -> {
              if (consumer != null) {
                return Future.succeededFuture();
              }
              consumer = vertx.eventBus().consumer(AlertPointForwarder.ADDRESS);
              consumer.handler(message -> evaluate(alerting, message));
              return consumer.completion();
            })
        .compose(
            registered -> {
              if (apiProxy == null) {
                return Future.succeededFuture();
              }
              // The alert API of the others depends on it, alert evaluation does not.
              return apiProxy
                  .serve()
                  .onSuccess(served -> apiConsumer = served)
                  .<Void>mapEmpty()
                  .recover(
                      e -> {
                        LOG.error("Cannot serve the alert API to the cluster: {}", e.getMessage());
                        return Future.succeededFuture();
                      });
            })
        .onFailure(
            e -> {
              LOG.error(
                  "Cannot take over alert evaluation ({}); trying again in {} ms",
                  e.getMessage(),
                  TAKE_OVER_RETRY_MILLIS);
              vertx.setTimer(TAKE_OVER_RETRY_MILLIS, id -> takeOverAlerts(alerting));
            });
  }

  private void evaluate(AlertService alerting, Message<Buffer> message) {
    ParseResult parsed =
        LineProtocolParser.parse(
            message.body().toString(StandardCharsets.UTF_8),
            Precision.NANOSECONDS,
            Point.epochNanos(clock.instant()));
    if (!parsed.errors().isEmpty()) {
      // Written by a collector's own encoder from points it parsed: a bug, not bad input.
      LOG.error(
          "{} forwarded points from {} could not be read back, first: {}",
          parsed.errors().size(),
          message.headers().get("from"),
          parsed.errors().get(0));
    }
    // Bounded like a push: when the engine's queue is full the batch is refused, and the sender
    // keeps it and sends it again after a pause.
    Admission admission = alerting.admit(parsed.points());
    if (admission.refusal().isPresent()) {
      message.fail(503, admission.refusal().get());
      return;
    }
    admission
        .deliver()
        .onSuccess(done -> message.reply(null))
        .onFailure(e -> message.fail(503, "alert state not published: " + e.getMessage()));
  }

  /** Stops forwarding and evaluating, and gives up the lead. */
  public Future<Void> close() {
    closed = true;
    if (forwarder != null) {
      forwarder.close();
    }
    if (apiProxy != null) {
      apiProxy.close();
    }
    Future<Void> unregistered =
        Future.join(
                consumer == null ? Future.succeededFuture() : consumer.unregister(),
                apiConsumer == null ? Future.succeededFuture() : apiConsumer.unregister())
            .mapEmpty();
    return unregistered.eventually(
        () -> {
          lock.close();
          return Future.succeededFuture();
        });
  }
}
