package io.ferry.agent.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.Point;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InputRunnerTest {

  private WorkerExecutor workers;

  @BeforeEach
  void createPool(Vertx vertx) {
    workers = vertx.createSharedWorkerExecutor("runner-test", 2);
  }

  @AfterEach
  void closePool() throws Exception {
    workers.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void collectsOnAWorkerThreadAndRecordsTheFigures() throws Exception {
    var onEventLoop = new AtomicBoolean(true);
    var runner =
        new InputRunner(
            input(
                "ok",
                out -> {
                  onEventLoop.set(Context.isOnEventLoopThread());
                  out.add(point(1));
                  out.add(point(2));
                }),
            workers);

    List<Point> points = runner.collect().await(10, TimeUnit.SECONDS);

    assertThat(points).hasSize(2);
    assertThat(onEventLoop).isFalse();
    InputStats stats = runner.stats();
    assertThat(stats.points()).isEqualTo(2);
    assertThat(stats.errors()).isZero();
    assertThat(stats.collectMillis()).isNotNegative();
  }

  @Test
  void aFailingInputIsCountedAndKeepsWhatItRead() throws Exception {
    var runner =
        new InputRunner(
            input(
                "broken",
                out -> {
                  out.add(point(1));
                  throw new IllegalStateException("server gone");
                }),
            workers);

    Future<List<Point>> first = runner.collect();
    assertThat(first.await(10, TimeUnit.SECONDS)).hasSize(1);
    runner.collect().await(10, TimeUnit.SECONDS);

    assertThat(runner.stats().errors()).isEqualTo(2);
  }

  @Test
  void partialErrorsAreCountedEach() throws Exception {
    var runner =
        new InputRunner(
            input(
                "partial",
                out -> {
                  out.addError("replication", new RuntimeException("denied"));
                  out.addError("status", new RuntimeException("timeout"));
                  out.add(point(1));
                }),
            workers);

    assertThat(runner.collect().await(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(runner.stats().errors()).isEqualTo(2);
  }

  @Test
  void skipsATickWhileThePreviousCollectionRuns() throws Exception {
    var started = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var runner =
        new InputRunner(
            input(
                "slow",
                out -> {
                  started.countDown();
                  assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                  out.add(point(1));
                }),
            workers);

    Future<List<Point>> first = runner.collect();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    List<Point> skipped = runner.collect().await(10, TimeUnit.SECONDS);
    release.countDown();

    assertThat(skipped).isEmpty();
    assertThat(first.await(10, TimeUnit.SECONDS)).hasSize(1);
    assertThat(runner.stats().skipped()).isEqualTo(1);
    assertThat(runner.collect().await(10, TimeUnit.SECONDS)).hasSize(1);
  }

  private interface Body {
    void collect(Accumulator out) throws Exception;
  }

  private static Input input(String name, Body body) {
    return new Input() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void collect(Accumulator accumulator) throws Exception {
        body.collect(accumulator);
      }
    };
  }

  private static Point point(long value) {
    return Point.builder("m").field("v", value).build();
  }
}
