package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.config.CollectorConfig;
import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputRunner;
import io.ferry.agent.spool.Spool;
import io.ferry.agent.spool.SpoolConfig;
import io.ferry.lineprotocol.Point;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The push pipeline against a real HTTP server playing the collector. */
@ExtendWith(VertxExtension.class)
class PushPipelineTest {

  private static final String TOKEN = "agent-token-1";
  private static final long T0 = 1_700_000_000_000_000_000L;

  @TempDir Path dir;

  private FakeCollector collector;
  private Vertx vertx;
  private final List<Spool> spools = new ArrayList<>();
  private WebClient webClient;
  private WorkerExecutor workers;
  private Context context;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    collector = new FakeCollector(vertx);
    webClient = WebClient.create(vertx);
    workers = vertx.createSharedWorkerExecutor("push-test", 2);
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() throws Exception {
    spools.forEach(Spool::close);
    webClient.close();
    workers.close().await(10, TimeUnit.SECONDS);
    collector.close();
  }

  @Test
  void sendsGzipLineProtocolWithGlobalTagsAndToken() {
    Input input =
        new Input() {
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
            List.of(new InputRunner(input, workers)),
            pipeline(100),
            Map.of("host", "db1", "cluster", "old"),
            Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));

    onContext(agent::tick);
    PushResult result = onContext(agent::flush);

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
            "ferry_agent,cluster=old,host=db1 batches_sent=0i,batches_failed=0i,"
                + "batches_dropped=0i,points_sent=0i,points_dropped=0i,spool_bytes=0i,"
                + "spool_batches=0i,spool_points=0i,spool_oldest_age_seconds=0,spool_on_disk=true "
                + T0);
  }

  @Test
  void keepsABatchInTheSpoolOnServerErrorAndSendsItNextTime() {
    PushPipeline pipeline = pipeline(100);
    collector.answer(503);
    onContext(() -> pipeline.offer(points(1, 3)));

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.FAILED);
    assertThat(pipeline.stats().spool().points()).isEqualTo(3);
    assertThat(pipeline.stats().batchesFailed()).isEqualTo(1);

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.DELIVERED);
    assertThat(pipeline.stats().spool().batches()).isZero();
    assertThat(pipeline.stats().pointsSent()).isEqualTo(3);
    assertThat(collector.received()).hasSize(2);
    assertThat(collector.received().get(1).lines()).isEqualTo(lines(1, 3));
  }

  @Test
  void keepsABatchWhenTheTokenIsRefused() {
    PushPipeline pipeline = pipeline(100);
    collector.answer(401);
    onContext(() -> pipeline.offer(points(1, 2)));

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.FAILED);
    assertThat(pipeline.stats().spool().points()).isEqualTo(2);

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.DELIVERED);
    assertThat(collector.received().get(1).lines()).isEqualTo(lines(1, 2));
  }

  @Test
  void dropsABatchTheCollectorRefusesAndSendsTheRest() {
    PushPipeline pipeline = pipeline(2);
    collector.answer(400, 204);
    onContext(() -> pipeline.offer(points(1, 3)));

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.PARTLY_REJECTED);

    PushStats stats = pipeline.stats();
    assertThat(stats.batchesDropped()).isEqualTo(1);
    assertThat(stats.pointsDropped()).isEqualTo(2);
    assertThat(stats.pointsSent()).isEqualTo(1);
    assertThat(stats.spool().batches()).isZero();
    assertThat(collector.received().get(1).lines()).isEqualTo(lines(3, 3));
  }

  @Test
  void sendsABatchInHalvesWhenItIsTooLarge() {
    PushPipeline pipeline = pipeline(4);
    collector.answer(413);
    onContext(() -> pipeline.offer(points(1, 4)));

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.DELIVERED);

    assertThat(collector.received())
        .extracting(request -> request.lines().size())
        .containsExactly(4, 2, 2);
    assertThat(collector.received().get(2).lines()).isEqualTo(lines(3, 4));
    assertThat(pipeline.stats().pointsSent()).isEqualTo(4);
  }

  @Test
  void sendsTheNewestTickFirstThenTheBacklogOldestFirst() {
    PushPipeline pipeline = pipeline(100);
    onContext(() -> pipeline.offer(points(1, 1)));
    onContext(() -> pipeline.offer(points(2, 2)));
    onContext(() -> pipeline.offer(points(3, 3)));
    onContext(() -> pipeline.offer(points(4, 4)));

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.DELIVERED);

    assertThat(collector.received())
        .extracting(FakeCollector.Received::lines)
        .containsExactly(lines(4, 4), lines(1, 3));
  }

  @Test
  void retriesByItselfAfterAFailureWithoutWaitingForTheNextTick() {
    PushPipeline pipeline = pipeline(100);
    collector.answer(503, 503);
    onContext(() -> pipeline.offer(points(1, 2)).onSuccess(v -> pipeline.pump()));

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pipeline.stats().pointsSent() == 2);
    assertThat(collector.received()).hasSize(3);
    assertThat(pipeline.stats().batchesFailed()).isEqualTo(2);
  }

  @Test
  void waitsOutTheCollectorsRetryAfter() {
    PushPipeline pipeline = pipeline(100);
    collector.retryAfter("1");
    collector.answer(503);
    onContext(() -> pipeline.offer(points(1, 2)).onSuccess(v -> pipeline.pump()));

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pipeline.stats().pointsSent() == 2);
    List<FakeCollector.Received> received = collector.received();
    assertThat(received).hasSize(2);
    // The backoff's own jitter is 0 here: the whole wait is the collector's second.
    assertThat(received.get(1).atNanos() - received.get(0).atNanos())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void spacesOutTheBacklogAtTheReplayRate() {
    // 10 points per second: each backlog request of 5 points is followed by half a second.
    PushPipeline pipeline = pipeline(collector.url(), 5, 10);
    for (int i = 0; i < 4; i++) {
      int first = 5 * i + 1;
      onContext(() -> pipeline.offer(points(first, first + 4)));
    }
    context.runOnContext(v -> pipeline.pump());

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> pipeline.stats().pointsSent() == 20);
    List<FakeCollector.Received> received = collector.received();
    assertThat(received)
        .extracting(r -> r.lines().get(0))
        .containsExactly(
            lines(16, 16).get(0), lines(1, 1).get(0), lines(6, 6).get(0), lines(11, 11).get(0));
    // The newest batch goes at once; the backlog batches are at least 500 ms apart.
    for (int i = 2; i < received.size(); i++) {
      assertThat(received.get(i).atNanos() - received.get(i - 1).atNanos())
          .isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
    }
  }

  @Test
  void aNewTickGoesAheadOfTheBacklogWaitingForItsRate() {
    // 1 point per second: after a backlog batch of 5 points the next waits 5 s.
    PushPipeline pipeline = pipeline(collector.url(), 100, 1);
    onContext(() -> pipeline.offer(points(1, 5)));
    onContext(() -> pipeline.offer(points(6, 10)));
    onContext(() -> pipeline.offer(points(11, 15)));
    context.runOnContext(v -> pipeline.pump());
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> collector.received().size() == 2);

    onContext(() -> pipeline.offer(points(16, 16)).onSuccess(v -> pipeline.pump()));

    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> collector.received().size() == 3);
    assertThat(collector.received())
        .extracting(r -> r.lines().get(0))
        .containsExactly(lines(11, 11).get(0), lines(1, 1).get(0), lines(16, 16).get(0));
  }

  @Test
  void joinsBacklogBatchesIntoRequestsOfAtMostTheBatchSize() {
    PushPipeline pipeline = pipeline(4);
    for (int i = 1; i <= 7; i++) {
      int point = i;
      onContext(() -> pipeline.offer(points(point, point)));
    }

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.DELIVERED);

    assertThat(collector.received())
        .extracting(FakeCollector.Received::lines)
        .containsExactly(lines(7, 7), lines(1, 4), lines(5, 6));
    assertThat(pipeline.stats().batchesSent()).isEqualTo(3);
    assertThat(pipeline.stats().pointsSent()).isEqualTo(7);
    assertThat(pipeline.stats().spool().batches()).isZero();
  }

  @Test
  void keepsTheBatchWhenTheCollectorIsUnreachable() throws Exception {
    String url = collector.url();
    collector.close();
    PushPipeline pipeline = pipeline(url, 100, 1000);
    onContext(() -> pipeline.offer(points(1, 2)));

    assertThat(onContext(pipeline::flush)).isEqualTo(PushResult.FAILED);
    assertThat(pipeline.stats().spool().points()).isEqualTo(2);
    assertThat(pipeline.stats().batchesFailed()).isEqualTo(1);
  }

  private PushPipeline pipeline(int batchMax) {
    return pipeline(collector.url(), batchMax, 100_000);
  }

  private PushPipeline pipeline(String url, int batchMax, int replayPointsPerSecond) {
    var config = new CollectorConfig(URI.create(url), TOKEN, Duration.ofSeconds(5), batchMax);
    Spool spool =
        Spool.open(
            new SpoolConfig(dir.resolve("spool" + spools.size()), 1 << 20, replayPointsPerSecond),
            Clock.systemUTC());
    spools.add(spool);
    return new PushPipeline(
        vertx,
        spool,
        new CollectorClient(webClient, config),
        workers,
        batchMax,
        replayPointsPerSecond,
        new RetryBackoff(() -> 0.0));
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
      Promise<T> promise = Promise.promise();
      context.runOnContext(v -> action.get().onComplete(promise));
      return promise.future().await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no result within 10 s", e);
    }
  }
}
