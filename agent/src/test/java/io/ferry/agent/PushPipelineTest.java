package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.config.CollectorConfig;
import io.ferry.agent.input.MetricSource;
import io.ferry.agent.input.SourceRunner;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The push pipeline against a real HTTP server playing the collector. */
@ExtendWith(VertxExtension.class)
class PushPipelineTest {

  private static final String TOKEN = "agent-token-1";
  private static final long T0 = 1_700_000_000_000_000_000L;

  private FakeCollector collector;
  private WebClient webClient;
  private WorkerExecutor workers;
  private Context context;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    collector = new FakeCollector(vertx);
    webClient = WebClient.create(vertx);
    workers = vertx.createSharedWorkerExecutor("push-test", 2);
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() throws Exception {
    webClient.close();
    workers.close().await(10, TimeUnit.SECONDS);
    collector.close();
  }

  @Test
  void sendsGzipLineProtocolWithGlobalTagsAndToken() {
    MetricSource source =
        new MetricSource() {
          @Override
          public String name() {
            return "fake";
          }

          @Override
          public void collect(io.ferry.agent.input.Accumulator out) {
            out.add(Point.builder("m").field("v", 1L).build());
            out.add(Point.builder("m").tag("host", "own").field("v", 2L).timestampNanos(5).build());
          }
        };
    var agent =
        new Agent(
            List.of(new SourceRunner(source, workers)),
            pipeline(10, 100),
            Map.of("host", "db1", "cluster", "old"),
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    PushResult result = onContext(agent::tick);

    assertThat(result).isEqualTo(PushResult.DELIVERED);
    FakeCollector.Received request = collector.received().get(0);
    assertThat(request.path()).isEqualTo("/api/v2/write?precision=ns");
    assertThat(request.authorization()).isEqualTo("Token " + TOKEN);
    assertThat(request.contentEncoding()).isEqualTo("gzip");
    assertThat(request.lines())
        .startsWith("m,cluster=old,host=db1 v=1i " + T0, "m,cluster=old,host=own v=2i 5")
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("ferry_agent,cluster=old,host=db1,source=fake collect_ms="))
        .contains(
            "ferry_agent,cluster=old,host=db1 buffered_points=0i,dropped_points=0i,"
                + "push_errors=0i,pushed_points=0i "
                + T0);
  }

  @Test
  void keepsPointsOnServerErrorAndSendsThemNextTime() {
    PushPipeline pipeline = pipeline(100, 100);
    collector.answer(503);
    onContext(() -> offer(pipeline, points(1, 3)));

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.FAILED);
    assertThat(pipeline.stats()).isEqualTo(new PushStats(3, 0, 1, 0));

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.DELIVERED);
    assertThat(pipeline.stats()).isEqualTo(new PushStats(0, 0, 1, 3));
    assertThat(collector.received()).hasSize(2);
    assertThat(collector.received().get(1).lines()).isEqualTo(lines(1, 3));
  }

  @Test
  void keepsPointsWhenTheTokenIsRefused() {
    PushPipeline pipeline = pipeline(100, 100);
    collector.answer(401);
    onContext(() -> offer(pipeline, points(1, 2)));

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.FAILED);
    assertThat(pipeline.stats().bufferedPoints()).isEqualTo(2);

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.DELIVERED);
    assertThat(collector.received().get(1).lines()).isEqualTo(lines(1, 2));
  }

  @Test
  void dropsABatchTheCollectorRejectsAndSendsTheRest() {
    PushPipeline pipeline = pipeline(100, 2);
    collector.answer(400, 204);
    onContext(() -> offer(pipeline, points(1, 3)));

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.PARTLY_REJECTED);

    assertThat(pipeline.stats()).isEqualTo(new PushStats(0, 2, 1, 1));
    assertThat(collector.received().get(1).lines()).isEqualTo(lines(3, 3));
  }

  @Test
  void halvesTheBatchWhenItIsTooLarge() {
    PushPipeline pipeline = pipeline(100, 4);
    collector.answer(413);
    onContext(() -> offer(pipeline, points(1, 4)));

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.DELIVERED);

    assertThat(collector.received())
        .extracting(request -> request.lines().size())
        .containsExactly(4, 2, 2);
    assertThat(pipeline.stats().pushedPoints()).isEqualTo(4);
  }

  @Test
  void fullBufferDropsTheOldestAndCountsThem() {
    PushPipeline pipeline = pipeline(3, 100);
    onContext(() -> offer(pipeline, points(1, 5)));

    assertThat(pipeline.stats()).isEqualTo(new PushStats(3, 2, 0, 0));
    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.DELIVERED);
    assertThat(collector.received().get(0).lines()).isEqualTo(lines(3, 5));
  }

  @Test
  void doesNotStartAPushWhileOneIsInFlight() throws Exception {
    PushPipeline pipeline = pipeline(100, 100);
    Promise<Void> release = collector.holdAnswers();
    onContext(() -> offer(pipeline, points(1, 1)));
    Future<PushResult> first = onContextAsync(pipeline::push);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> collector.received().size() == 1);

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.BUSY);

    context.runOnContext(v -> release.complete());
    assertThat(first.await(5, TimeUnit.SECONDS)).isEqualTo(PushResult.DELIVERED);
    assertThat(collector.received()).hasSize(1);
  }

  @Test
  void keepsPointsWhenTheCollectorIsUnreachable() throws Exception {
    String url = collector.url();
    collector.close();
    PushPipeline pipeline = pipeline(url, 100, 100);
    onContext(() -> offer(pipeline, points(1, 2)));

    assertThat(onContext(pipeline::push)).isEqualTo(PushResult.FAILED);
    assertThat(pipeline.stats()).isEqualTo(new PushStats(2, 0, 1, 0));
  }

  private PushPipeline pipeline(int bufferMax, int batchMax) {
    return pipeline(collector.url(), bufferMax, batchMax);
  }

  private PushPipeline pipeline(String url, int bufferMax, int batchMax) {
    var config = new CollectorConfig(URI.create(url), TOKEN, Duration.ofSeconds(5), batchMax);
    return new PushPipeline(
        new PointBuffer(bufferMax), new CollectorClient(webClient, config), workers, batchMax);
  }

  private static Future<Void> offer(PushPipeline pipeline, List<Point> points) {
    pipeline.offer(points);
    return Future.succeededFuture();
  }

  private static List<Point> points(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i ->
                Point.builder("m").tag("n", "p" + i).field("v", (long) i).timestampNanos(i).build())
        .toList();
  }

  private static List<String> lines(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> "m,n=p" + i + " v=" + i + "i " + i)
        .toList();
  }

  /** Runs an action on the pipeline's event loop, as the agent does, and waits for its result. */
  private <T> T onContext(Supplier<Future<T>> action) {
    try {
      return onContextAsync(action).await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no result within 10 s", e);
    }
  }

  private <T> Future<T> onContextAsync(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }
}
