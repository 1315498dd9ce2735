package io.ferry.collector.cluster;

import io.ferry.collector.alerting.Admission;
import io.ferry.collector.alerting.AlertFeed;
import io.ferry.collector.alerting.AlertPointFilter;
import io.ferry.collector.alerting.QueuedPoints;
import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the points alert rules need, from the collector that received them to the cluster's alert
 * evaluator, over the clustered event bus: in the order they arrived, in batches of at most {@value
 * #MAX_BATCH} points, one batch at a time. A batch stays in the buffer until the evaluator
 * acknowledges it (after it evaluated the points and published its state); when no evaluator
 * answers (none elected yet, or the one that was died) the same batch is sent again after a short
 * pause, to whichever collector holds the evaluation by then. The buffer holds at most {@code
 * cluster.forward_buffer} points: a push is {@linkplain #admit admitted} only if its points fit, so
 * a push that would pass the bound is answered 503 and kept by its sender. Only this collector's
 * own health point bypasses the admission; should it find the buffer full, the oldest waiting
 * points are dropped and counted.
 *
 * <p>Delivery is at least once: a batch the evaluator took but could not acknowledge before it died
 * is sent again, and the engine counts a point with the same series and timestamp once.
 */
final class AlertPointForwarder implements Consumer<List<Point>>, AlertFeed {

  private static final Logger LOG = LoggerFactory.getLogger(AlertPointForwarder.class);

  /** The event bus address the evaluator consumes. */
  static final String ADDRESS = "ferry.alerts.points";

  /** Most points in one message. */
  static final int MAX_BATCH = 5_000;

  /** How long the evaluator has to acknowledge a batch before it is sent again. */
  static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

  private static final long FIRST_PAUSE_MILLIS = 100;
  private static final long MAX_PAUSE_MILLIS = 2_000;

  private final Vertx vertx;
  private final Context context;
  private final Predicate<Point> needed;
  private final Predicate<Point> signOfLife;
  private final int capacity;
  private final String member;
  private final ArrayDeque<Point> waiting = new ArrayDeque<>();
  private final Counter forwarded;
  private final Counter dropped;

  /** Points admitted and not yet acknowledged or dropped: what the bound counts. */
  private final QueuedPoints held;

  private List<Point> inFlight = List.of();
  private boolean sending;
  private boolean paused;
  private long pauseMillis = FIRST_PAUSE_MILLIS;
  private boolean outage;
  private boolean closed;

  /**
   * @param context where the buffer lives; every change to it runs there
   * @param needed which points the evaluator needs
   * @param signOfLife which points of a refused push the evaluator needs (see {@link
   *     AlertFeed#admitSignsOfLife})
   * @param capacity {@code cluster.forward_buffer}
   * @param member this collector's address, for the evaluator's log
   */
  AlertPointForwarder(
      Vertx vertx,
      Context context,
      Predicate<Point> needed,
      Predicate<Point> signOfLife,
      int capacity,
      String member,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.context = context;
    this.needed = needed;
    this.signOfLife = signOfLife;
    this.capacity = capacity;
    this.held = new QueuedPoints(capacity);
    this.member = member;
    this.forwarded =
        Counter.builder("ferry.cluster.forwarded.points")
            .description("Points sent to the alert evaluator and acknowledged by it")
            .register(registry);
    this.dropped =
        Counter.builder("ferry.cluster.forward.dropped.points")
            .description("Points dropped because the forward buffer was full")
            .register(registry);
    Gauge.builder("ferry.cluster.forward.buffered.points", this, f -> f.buffered())
        .description("Points waiting for the alert evaluator's acknowledgement")
        .register(registry);
  }

  /**
   * Reserves room for the points rules need, refused when the buffer (admitted points included)
   * would pass {@code cluster.forward_buffer}; any thread.
   */
  @Override
  public Admission admit(List<Point> points) {
    return admitSelected(AlertPointFilter.selected(points, needed));
  }

  @Override
  public Admission admitSignsOfLife(List<Point> refused) {
    return admitSelected(AlertPointFilter.selected(refused, signOfLife));
  }

  private Admission admitSelected(List<Point> selected) {
    if (selected.isEmpty()) {
      return Admission.NOTHING;
    }
    if (!held.tryAdd(selected.size())) {
      return Admission.refused(
          "the collector already holds "
              + held.queued()
              + " points for the cluster's alert evaluator (cluster.forward_buffer: "
              + capacity
              + ")");
    }
    return Admission.of(
        () -> {
          context.runOnContext(v -> enqueue(selected, false));
          return Future.succeededFuture();
        },
        () -> held.remove(selected.size()));
  }

  /** Queues the points rules need without admission (this collector's own point); any thread. */
  @Override
  public void accept(List<Point> points) {
    List<Point> selected = AlertPointFilter.selected(points, needed);
    if (selected.isEmpty()) {
      return;
    }
    held.add(selected.size());
    context.runOnContext(v -> enqueue(selected, true));
  }

  /** Points not yet acknowledged, in flight included. */
  int buffered() {
    return waiting.size() + inFlight.size();
  }

  /** Stops sending; what is still buffered is given up (the log says how much). */
  void close() {
    context.runOnContext(
        v -> {
          closed = true;
          if (buffered() > 0) {
            LOG.warn("Stopping with {} points not acknowledged by the alert evaluator", buffered());
          }
        });
  }

  private void enqueue(List<Point> points, boolean unadmitted) {
    waiting.addAll(points);
    int over = buffered() - capacity;
    if (over > 0 && unadmitted) {
      int gone = 0;
      for (; gone < over && !waiting.isEmpty(); gone++) {
        waiting.pollFirst();
      }
      held.remove(gone);
      dropped.increment(gone);
      LOG.warn(
          "Forward buffer full ({} points, cluster.forward_buffer): dropped the {} oldest points"
              + " waiting for the alert evaluator",
          capacity,
          gone);
    }
    sendNext();
  }

  private void sendNext() {
    if (sending || paused || closed) {
      return;
    }
    if (inFlight.isEmpty()) {
      if (waiting.isEmpty()) {
        return;
      }
      List<Point> batch = new ArrayList<>(Math.min(MAX_BATCH, waiting.size()));
      while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
        batch.add(waiting.pollFirst());
      }
      inFlight = batch;
    }
    sending = true;
    List<Point> batch = inFlight;
    var options =
        new DeliveryOptions().setSendTimeout(ACK_TIMEOUT.toMillis()).addHeader("from", member);
    // up to MAX_BATCH lines of text: encoded on a worker thread, not on the event loop
    context
        .executeBlocking(
            () -> Buffer.buffer(LineProtocolWriter.toLines(batch, Precision.NANOSECONDS)), false)
        .compose(body -> vertx.eventBus().request(ADDRESS, body, options))
        .onComplete(
            reply -> {
              sending = false;
              if (reply.succeeded()) {
                acknowledged();
                sendNext();
              } else {
                notAcknowledged(reply.cause());
              }
            });
  }

  private void acknowledged() {
    forwarded.increment(inFlight.size());
    held.remove(inFlight.size());
    inFlight = List.of();
    pauseMillis = FIRST_PAUSE_MILLIS;
    if (outage) {
      outage = false;
      LOG.info("Alert evaluator reachable again; {} points still to send", waiting.size());
    }
  }

  private void notAcknowledged(Throwable cause) {
    if (!outage) {
      outage = true;
      LOG.warn(
          "No alert evaluator acknowledged {} points ({}); holding them and sending again",
          inFlight.size(),
          cause.getMessage());
    }
    paused = true;
    vertx.setTimer(
        pauseMillis,
        id -> {
          paused = false;
          sendNext();
        });
    pauseMillis = Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
  }
}
