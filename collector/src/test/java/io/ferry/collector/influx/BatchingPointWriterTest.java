package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.config.BatchingConfig;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BatchingPointWriterTest {

  private static final Duration NEVER = Duration.ofHours(1);

  /** Records every write; completes it at once, or holds it until the test says so. */
  private static final class RecordingWriter implements PointWriter {
    final List<List<Point>> batches = new CopyOnWriteArrayList<>();
    final List<Promise<Void>> held = new CopyOnWriteArrayList<>();
    volatile boolean hold;
    volatile RuntimeException failWith;

    @Override
    public Future<Void> write(List<Point> points) {
      batches.add(List.copyOf(points));
      if (points.stream().anyMatch(p -> p.measurement().equals("bad"))) {
        return Future.failedFuture(new PointsRejectedException("field type conflict on bad"));
      }
      if (failWith != null) {
        return Future.failedFuture(failWith);
      }
      if (hold) {
        Promise<Void> promise = Promise.promise();
        held.add(promise);
        return promise.future();
      }
      return Future.succeededFuture();
    }
  }

  private final RecordingWriter target = new RecordingWriter();

  /** The batches set aside, with InfluxDB's reason. */
  private final List<SetAside> setAside = new CopyOnWriteArrayList<>();

  private record SetAside(List<Point> points, String reason) {}

  private BatchingPointWriter writer(Vertx vertx, BatchingConfig config) {
    return new BatchingPointWriter(
        vertx,
        target,
        config,
        (points, reason) -> setAside.add(new SetAside(List.copyOf(points), reason)));
  }

  @Test
  void aPushThatWouldWaitLongerThanMaxExpectedWaitIsRefusedAtOnce(Vertx vertx) throws Exception {
    target.hold = true;
    var nanos = new java.util.concurrent.atomic.AtomicLong();
    var writer =
        new BatchingPointWriter(
            vertx,
            target,
            new BatchingConfig(100, Duration.ZERO, 10_000, 1, Path.of("unused-dead-letters")),
            (points, reason) -> setAside.add(new SetAside(List.copyOf(points), reason)),
            java.util.Optional.of(Duration.ofSeconds(1)),
            nanos::get);
    // InfluxDB takes 100 points in 100 ms: 1,000 points/s, learnt over 1.2 s of writing.
    for (int i = 0; i < 12; i++) {
      Future<Void> push = writer.write(points("learn" + i, 100));
      nanos.addAndGet(100_000_000L);
      target.held.get(i).complete();
      push.await(10, TimeUnit.SECONDS);
    }

    Future<Void> first = writer.write(points("a", 100));
    Future<Void> within = writer.write(points("b", 500));
    Future<Void> tooLate = writer.write(points("c", 500));

    assertThat(within.failed()).isFalse();
    assertThat(tooLate.failed()).isTrue();
    assertThat(tooLate.cause())
        .isInstanceOf(InfluxUnavailableException.class)
        .hasMessage(
            "the collector already holds 600 points waiting for InfluxDB, which takes about 1000"
                + " points/s now: these would wait about 1.1s, more than ingest.max_expected_wait"
                + " (1s)");
    assertThat(writer.expectedWaitRefusals()).isEqualTo(1);
    assertThat(writer.pendingPoints()).isEqualTo(600);

    // Once InfluxDB has caught up, the same push is taken.
    for (int i = 12; i < 18; i++) {
      int write = i;
      await().atMost(10, TimeUnit.SECONDS).until(() -> target.held.size() > write);
      target.held.get(write).complete();
    }
    Future.all(first, within).await(10, TimeUnit.SECONDS);
    assertThat(writer.write(points("c", 500)).failed()).isFalse();
  }

  @Test
  void concurrentCallersAreCoalescedIntoOneBatchAndEachCompletes(Vertx vertx) throws Exception {
    var writer = writer(vertx, config(100, Duration.ofMillis(50), 1000));

    List<Future<Void>> calls = new CopyOnWriteArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      String measurement = "m" + c;
      callers.add(new Thread(() -> calls.add(writer.write(points(measurement, 2)))));
    }
    callers.forEach(Thread::start);
    for (Thread caller : callers) {
      caller.join(10_000);
    }

    Future.all(calls).await(10, TimeUnit.SECONDS);
    assertThat(target.batches).hasSize(1);
    assertThat(target.batches.get(0)).hasSize(6);
    assertThat(writer.pendingPoints()).isZero();
  }

  @Test
  void withoutAFlushIntervalAPushToAnIdleWriterIsWrittenBeforeWriteReturns(Vertx vertx)
      throws Exception {
    target.hold = true;
    var writer = writer(vertx, config(1000, Duration.ZERO, 1000));

    Future<Void> push = writer.write(points("a", 3));

    // Started within write() itself: no timer or later event-loop turn was involved.
    assertThat(target.batches).hasSize(1);
    assertThat(writer.writesInFlight()).isEqualTo(1);
    assertThat(push.isComplete()).isFalse();
    target.held.get(0).complete();
    push.await(10, TimeUnit.SECONDS);
    assertThat(writer.pendingPoints()).isZero();
  }

  @Test
  void whileEverySlotIsBusyPushesAccumulateAndLeaveInOneWriteWhenASlotFrees(Vertx vertx)
      throws Exception {
    target.hold = true;
    var writer =
        writer(
            vertx,
            new BatchingConfig(1000, Duration.ZERO, 1000, 2, Path.of("unused-dead-letters")));

    List<Future<Void>> pushes = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      pushes.add(writer.write(points("m" + p, 3)));
    }

    assertThat(target.batches).extracting(List::size).containsExactly(3, 3);
    assertThat(writer.writesInFlight()).isEqualTo(2);
    assertThat(writer.pendingPoints()).isEqualTo(18);
    target.held.get(0).complete();
    await().atMost(Duration.ofSeconds(10)).until(() -> target.batches.size() == 3);
    assertThat(target.batches.get(2))
        .extracting(Point::measurement)
        .containsExactly("m2", "m2", "m2", "m3", "m3", "m3", "m4", "m4", "m4", "m5", "m5", "m5");
    target.held.get(1).complete();
    target.held.get(2).complete();
    Future.all(pushes).await(10, TimeUnit.SECONDS);
    assertThat(target.batches).hasSize(3);
    assertThat(writer.pendingPoints()).isZero();
  }

  @Test
  void pointsWaitingForASlotFormBatchesOfAtMostMaxPointsInArrivalOrder(Vertx vertx)
      throws Exception {
    target.hold = true;
    var writer =
        writer(
            vertx, new BatchingConfig(4, Duration.ZERO, 1000, 1, Path.of("unused-dead-letters")));

    Future<Void> first = writer.write(points("a", 1));
    Future<Void> second = writer.write(points("b", 3));
    Future<Void> third = writer.write(points("c", 3));
    for (int written = 1; written <= 3; written++) {
      int index = written - 1;
      await().atMost(Duration.ofSeconds(10)).until(() -> target.held.size() > index);
      assertThat(writer.writesInFlight()).isEqualTo(1);
      target.held.get(index).complete();
    }

    Future.all(first, second, third).await(10, TimeUnit.SECONDS);
    assertThat(target.batches)
        .extracting(batch -> batch.stream().map(Point::measurement).toList())
        .containsExactly(List.of("a"), List.of("b", "b", "b", "c"), List.of("c", "c"));
  }

  @Test
  void aFlushIntervalHoldsTheFirstPushAtAnIdleWriterForOthersToJoin(Vertx vertx) throws Exception {
    var writer = writer(vertx, config(1000, NEVER, 1000));

    Future<Void> a = writer.write(points("a", 2));
    Future<Void> b = writer.write(points("b", 2));

    assertThat(target.batches).isEmpty();
    assertThat(writer.writesInFlight()).isZero();
    writer.close().await(10, TimeUnit.SECONDS);
    assertThat(a.succeeded() && b.succeeded()).isTrue();
    assertThat(target.batches).extracting(List::size).containsExactly(4);
  }

  @Test
  void aFullBatchIsWrittenAtOnceAndTheRestWaitsForTheInterval(Vertx vertx) throws Exception {
    var writer = writer(vertx, config(4, NEVER, 1000));

    Future<Void> first = writer.write(points("a", 3));
    Future<Void> second = writer.write(points("b", 3));

    first.await(10, TimeUnit.SECONDS);
    assertThat(target.batches).hasSize(1);
    assertThat(target.batches.get(0))
        .extracting(Point::measurement)
        .containsExactly("a", "a", "a", "b");
    assertThat(second.isComplete()).isFalse();
    assertThat(writer.pendingPoints()).isEqualTo(2);

    writer.close().await(10, TimeUnit.SECONDS);
    assertThat(second.succeeded()).isTrue();
    assertThat(target.batches).hasSize(2);
    assertThat(target.batches.get(1)).extracting(Point::measurement).containsExactly("b", "b");
  }

  @Test
  void theFlushIntervalBoundsHowLongAPointWaits(Vertx vertx) throws Exception {
    var writer = writer(vertx, config(1000, Duration.ofMillis(30), 1000));

    long started = System.nanoTime();
    writer.write(points("a", 1)).await(10, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(25), Duration.ofSeconds(5));
    assertThat(target.batches).hasSize(1);
  }

  @Test
  void aFailedWriteFailsEveryCallerInTheBatch(Vertx vertx) throws Exception {
    target.failWith =
        new InfluxUnavailableException("InfluxDB at http://127.0.0.1:1 is unreachable");
    var writer = writer(vertx, config(100, Duration.ofMillis(10), 1000));

    Future<Void> a = writer.write(points("a", 2));
    Future<Void> b = writer.write(points("b", 2));

    await().atMost(Duration.ofSeconds(10)).until(() -> a.isComplete() && b.isComplete());
    assertThat(a.cause()).isInstanceOf(InfluxUnavailableException.class);
    assertThat(b.cause()).isSameAs(a.cause());
    assertThat(writer.pendingPoints()).isZero();
  }

  @Test
  void aRejectionIsChargedOnlyToTheCallerWhosePointsWereBad(Vertx vertx) throws Exception {
    var writer = writer(vertx, config(100, Duration.ofMillis(10), 1000));

    Future<Void> good = writer.write(points("good", 2));
    Future<Void> bad = writer.write(points("bad", 1));

    await().atMost(Duration.ofSeconds(10)).until(() -> good.isComplete() && bad.isComplete());
    assertThat(good.succeeded()).isTrue();
    assertThat(bad.cause()).isInstanceOf(PointsRejectedException.class);
    assertThat(target.batches).extracting(List::size).containsExactly(3, 2, 1);
    assertThat(setAside)
        .containsExactly(new SetAside(points("bad", 1), "field type conflict on bad"));
  }

  @Test
  void aRefusedBatchIsSetAsideOnceAndNeverRetried(Vertx vertx) throws Exception {
    var writer = writer(vertx, config(100, Duration.ofMillis(10), 1000));

    Future<Void> bad = writer.write(points("bad", 3));

    await().atMost(Duration.ofSeconds(10)).until(bad::isComplete);
    assertThat(bad.cause()).isInstanceOf(PointsRejectedException.class);
    assertThat(target.batches).hasSize(1);
    assertThat(setAside)
        .containsExactly(new SetAside(points("bad", 3), "field type conflict on bad"));
    assertThat(writer.pendingPoints()).isZero();
  }

  @Test
  void noMoreThanMaxConcurrentWritesAreInFlightAndTheQueueDrainsInOrder(Vertx vertx)
      throws Exception {
    target.hold = true;
    var writer =
        writer(vertx, new BatchingConfig(2, NEVER, 100, 2, Path.of("unused-dead-letters")));

    List<Future<Void>> calls = new ArrayList<>();
    for (int c = 0; c < 5; c++) {
      calls.add(writer.write(points("m" + c, 2)));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> target.held.size() == 2);
    assertThat(writer.writesInFlight()).isEqualTo(2);
    assertThat(writer.pendingPoints()).isEqualTo(10);
    for (int released = 0; released < 5; released++) {
      int index = released;
      await().atMost(Duration.ofSeconds(10)).until(() -> target.held.size() > index);
      assertThat(writer.writesInFlight()).isLessThanOrEqualTo(2);
      target.held.get(index).complete();
    }
    Future.all(calls).await(10, TimeUnit.SECONDS);
    assertThat(target.batches)
        .extracting(batch -> batch.get(0).measurement())
        .containsExactly("m0", "m1", "m2", "m3", "m4");
    assertThat(writer.writesInFlight()).isZero();
    assertThat(writer.pendingPoints()).isZero();
  }

  @Test
  void pendingPointsAreBoundedAndFreedOnceWritten(Vertx vertx) throws Exception {
    target.hold = true;
    var writer = writer(vertx, config(4, Duration.ofMillis(10), 5));

    Future<Void> accepted = writer.write(points("a", 4));
    Future<Void> refused = writer.write(points("b", 2));

    assertThat(refused.failed()).isTrue();
    assertThat(refused.cause())
        .isInstanceOf(InfluxUnavailableException.class)
        .hasMessageContaining("limit 5");
    assertThat(writer.pendingPoints()).isEqualTo(4);

    await().atMost(Duration.ofSeconds(10)).until(() -> target.held.size() == 1);
    target.held.get(0).complete();
    accepted.await(10, TimeUnit.SECONDS);
    assertThat(writer.pendingPoints()).isZero();
    target.hold = false;
    writer.write(points("b", 2)).await(10, TimeUnit.SECONDS);
  }

  @Test
  void aRequestLargerThanTheBoundIsRejectedOutright(Vertx vertx) {
    var writer = writer(vertx, config(4, Duration.ofMillis(10), 5));

    Future<Void> tooBig = writer.write(points("a", 6));

    assertThat(tooBig.cause())
        .isInstanceOf(PointsRejectedException.class)
        .hasMessageContaining("send smaller batches");
    assertThat(target.batches).isEmpty();
  }

  @Test
  void aCallerLargerThanABatchIsSplitAndCompletesWhenAllPartsAreWritten(Vertx vertx)
      throws Exception {
    var writer = writer(vertx, config(4, Duration.ofMillis(10), 100));

    writer.write(points("a", 10)).await(10, TimeUnit.SECONDS);

    assertThat(target.batches).extracting(List::size).containsExactly(4, 4, 2);
  }

  @Test
  void whenInfluxDbIsUnavailableTheQueuedBatchesFailAtOnceWithoutBeingSent(Vertx vertx)
      throws Exception {
    target.hold = true;
    var writer =
        writer(vertx, new BatchingConfig(2, NEVER, 100, 1, Path.of("unused-dead-letters")));

    Future<Void> first = writer.write(points("a", 2));
    Future<Void> second = writer.write(points("b", 2));
    Future<Void> third = writer.write(points("c", 2));
    await().atMost(Duration.ofSeconds(10)).until(() -> target.held.size() == 1);
    var unavailable = new InfluxUnavailableException("InfluxDB at http://127.0.0.1:1 timed out");
    target.held.get(0).fail(unavailable);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> first.isComplete() && second.isComplete() && third.isComplete());
    assertThat(List.of(first.cause(), second.cause(), third.cause())).containsOnly(unavailable);
    assertThat(target.batches).hasSize(1);
    assertThat(writer.pendingPoints()).isZero();
    assertThat(writer.writesInFlight()).isZero();
    target.hold = false;
    writer.write(points("d", 2)).await(10, TimeUnit.SECONDS);
  }

  private static BatchingConfig config(int maxPoints, Duration flush, int maxPending) {
    return new BatchingConfig(maxPoints, flush, maxPending);
  }

  private static List<Point> points(String measurement, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> Point.builder(measurement).field("v", (long) i).timestampNanos(i).build())
        .toList();
  }
}
