package io.ferry.collector.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.alerting.Admission;
import io.ferry.lineprotocol.LineProtocolParser;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarder on a local event bus: what it keeps until the evaluator acknowledges, in which
 * order it delivers, and what it drops when the buffer is full.
 */
class AlertPointForwarderTest {

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<Point> evaluated = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void batchesRefusedByTheEvaluatorAreSentAgainInOrderAndOnlyWhatRulesNeedIsSent()
      throws Exception {
    var refusals = new AtomicInteger(2);
    evaluator(
        message -> {
          if (refusals.getAndDecrement() > 0) {
            message.fail(503, "alert state not published");
            return;
          }
          evaluated.addAll(parse(message.body()));
          message.reply(null);
        });
    AlertPointForwarder forwarder = forwarder(1_000);

    List<Point> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Point needed = point("room", i);
      sent.add(needed);
      forwarder.accept(List.of(needed, point("cpu", i)));
    }

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> evaluated.size() >= 20);
    assertThat(evaluated).containsExactlyElementsOf(sent);
    assertThat(registry.counter("ferry.cluster.forwarded.points").count()).isEqualTo(20);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> buffered() == 0);
  }

  @Test
  void withoutAnEvaluatorTheOldestPointsPastTheBufferAreDroppedAndCounted() throws Exception {
    AlertPointForwarder forwarder = forwarder(10);
    List<Point> sent = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      sent.add(point("room", i));
    }
    forwarder.accept(sent.subList(0, 1));
    // The first point is in flight (and refused: nobody consumes yet); the rest wait behind it.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> buffered() == 1);
    forwarder.accept(sent.subList(1, 25));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> buffered() == 10);
    assertThat(registry.counter("ferry.cluster.forward.dropped.points").count()).isEqualTo(15);

    evaluator(
        message -> {
          evaluated.addAll(parse(message.body()));
          message.reply(null);
        });
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> evaluated.size() >= 10);
    // The point in flight is kept; of those waiting, the newest nine.
    List<Point> expected = new ArrayList<>(sent.subList(0, 1));
    expected.addAll(sent.subList(16, 25));
    assertThat(evaluated).containsExactlyElementsOf(expected);
  }

  @Test
  void ofAPushRefusedForNowOnlyItsSignsOfLifeAreForwarded() throws Exception {
    evaluator(
        message -> {
          evaluated.addAll(parse(message.body()));
          message.reply(null);
        });
    AlertPointForwarder forwarder = forwarder(1_000);

    Point alive = point("heartbeat", 1);
    Admission admission =
        forwarder.admitSignsOfLife(List.of(point("room", 1), alive, point("cpu", 1)));
    assertThat(admission.refusal()).isEmpty();
    admission.deliver();

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !evaluated.isEmpty());
    assertThat(evaluated).containsExactly(alive);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> buffered() == 0);
  }

  private void evaluator(io.vertx.core.Handler<io.vertx.core.eventbus.Message<Buffer>> handler)
      throws Exception {
    vertx
        .eventBus()
        .<Buffer>consumer(AlertPointForwarder.ADDRESS, handler)
        .completion()
        .await(10, TimeUnit.SECONDS);
  }

  private AlertPointForwarder forwarder(int capacity) {
    return new AlertPointForwarder(
        vertx,
        vertx.getOrCreateContext(),
        point -> point.measurement().equals("room") || point.measurement().equals("heartbeat"),
        point -> point.measurement().equals("heartbeat"),
        capacity,
        "127.0.0.1:5701",
        registry);
  }

  private double buffered() {
    return registry.get("ferry.cluster.forward.buffered.points").gauge().value();
  }

  private static List<Point> parse(Buffer body) {
    return LineProtocolParser.parse(body.toString(), Precision.NANOSECONDS, 0).points();
  }

  private static Point point(String measurement, int i) {
    return Point.builder(measurement)
        .tag("room", "r1")
        .field("celsius", (double) i)
        .timestamp(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
        .build();
  }
}
