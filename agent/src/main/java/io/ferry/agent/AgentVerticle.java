package io.ferry.agent;

import io.ferry.agent.config.AgentSettings;
import io.ferry.agent.input.Input;
import io.ferry.agent.input.InputRunner;
import io.ferry.agent.input.StreamingInput;
import io.ferry.agent.spool.Spool;
import io.ferry.yamlconfig.ConfigUnits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployable agent: {@link #start()} loads the configuration, opens the spool, builds the
 * inputs, then either collects and pushes at every interval or, in once mode, does it a single time
 * (and sends everything the spool holds). {@link #stop()} tries once more to send what waits
 * (bounded by {@code collector.timeout}; what is not sent stays in the spool), and closes the
 * inputs and the spool.
 */
public final class AgentVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AgentVerticle.class);
  private static final String WORKER_POOL = "ferry-agent-workers";

  private final Callable<AgentSettings> configuration;
  private final boolean once;
  private final Promise<PushResult> onceResult = Promise.promise();
  private AgentSettings settings;
  private WorkerExecutor workers;
  private WebClient webClient;
  private Agent agent;
  private Spool spool;
  private long timerId = -1;
  private Future<Void> currentTick = Future.succeededFuture();

  /**
   * @param configuration loads the settings (may read files: it runs on a worker thread)
   * @param once collect and push a single time instead of at every interval
   */
  public AgentVerticle(Callable<AgentSettings> configuration, boolean once) {
    this.configuration = configuration;
    this.once = once;
  }

  @Override
  public Future<?> start() {
    return vertx
        .executeBlocking(configuration, false)
        .compose(this::createAgent)
        .compose(ignored -> once ? runOnce() : schedule());
  }

  /** In once mode, how the single push ended; completes after {@link #start()}. */
  public Future<PushResult> onceResult() {
    return onceResult.future();
  }

  /** The push pipeline's figures, for tests and the once mode's report. */
  public PushStats pushStats() {
    return agent.pushStats();
  }

  /** What failed in each input's last collection, by input name; for the once mode's report. */
  public Map<String, Map<String, String>> inputFailures() {
    return agent.inputFailures();
  }

  @Override
  public Future<?> stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    if (agent == null) {
      return closeSpool().transform(ignored -> closeClients());
    }
    long flushMillis = settings.collector().timeout().toMillis();
    // Ticks still collecting only spool from now on; the latest one may finish, then one flush
    // sends what it can in the time given; the rest waits in the spool for the next start.
    agent.stopPushing();
    return currentTick
        .timeout(flushMillis, TimeUnit.MILLISECONDS)
        .transform(ignored -> agent.flush())
        .timeout(flushMillis, TimeUnit.MILLISECONDS)
        .onFailure(
            e -> {
              agent.stopPushing();
              LOG.warn(
                  "sending at stop did not finish in {} ms; the rest waits in the spool",
                  flushMillis);
            })
        .onSuccess(this::logUnsent)
        .transform(ignored -> agent.closeInputs().timeout(flushMillis, TimeUnit.MILLISECONDS))
        .transform(ignored -> closeSpool())
        .transform(ignored -> closeClients());
  }

  private Future<Void> createAgent(AgentSettings loaded) {
    settings = loaded;
    Duration interval = loaded.agent().interval();
    long maxExecuteMillis = Math.max(interval.toMillis() * 2, 10_000);
    // What the inputs may occupy at once (a runner never runs its input twice at once), plus two
    // for encoding batches and the spool's file I/O, so a hung input cannot hold up the push.
    workers =
        vertx.createSharedWorkerExecutor(
            WORKER_POOL, loaded.inputs().workers() + 2, maxExecuteMillis, TimeUnit.MILLISECONDS);
    webClient =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setUserAgent("ferry-agent")
                .setConnectTimeout((int) loaded.collector().timeout().toMillis()));
    return workers
        .executeBlocking(() -> Spool.open(loaded.spool(), Clock.systemUTC()), false)
        .compose(
            opened -> {
              spool = opened;
              return workers.executeBlocking(() -> loaded.inputs().createInputs(), false);
            })
        .compose(this::startStreamingInputs)
        .map(
            inputs -> {
              agent = buildAgent(loaded, inputs);
              LOG.info(
                  "agent {} collecting {} every {} and pushing to {}",
                  loaded.agent().host(),
                  inputs.stream().map(Input::name).toList(),
                  ConfigUnits.formatDuration(interval),
                  loaded.collector().url());
              return null;
            });
  }

  /** Starts the inputs that read or probe between collections (access logs, HTTP probes). */
  private Future<List<Input>> startStreamingInputs(List<Input> inputs) {
    List<Future<Void>> started =
        inputs.stream()
            .filter(StreamingInput.class::isInstance)
            .map(input -> ((StreamingInput) input).start(vertx))
            .toList();
    return Future.all(started).map(ignored -> inputs);
  }

  private Agent buildAgent(AgentSettings loaded, List<Input> inputs) {
    var pipeline =
        new PushPipeline(
            vertx,
            spool,
            new CollectorClient(webClient, loaded.collector()),
            workers,
            loaded.collector().batchMaxPoints(),
            loaded.spool().replayPointsPerSecond(),
            new RetryBackoff());
    List<InputRunner> runners =
        inputs.stream().map(input -> new InputRunner(input, workers)).toList();
    return new Agent(runners, pipeline, loaded.agent().globalTags(), Clock.systemUTC());
  }

  private Future<Void> schedule() {
    long interval = settings.agent().interval().toMillis();
    long firstDelay =
        settings.agent().jitter() ? 1 + ThreadLocalRandom.current().nextLong(interval) : 1;
    timerId =
        vertx.setPeriodic(
            firstDelay,
            interval,
            id ->
                currentTick =
                    agent
                        .tick()
                        .onFailure(e -> LOG.error("tick failed unexpectedly: {}", e.toString())));
    return Future.succeededFuture();
  }

  private Future<Void> runOnce() {
    agent.stopPushing();
    currentTick = agent.tick();
    currentTick.transform(ignored -> agent.flush()).onComplete(onceResult);
    return currentTick;
  }

  private void logUnsent(PushResult result) {
    long left = agent.pushStats().spool().points();
    if (left > 0) {
      LOG.warn(
          "stopping with {} points not delivered ({}); they wait in the spool {}",
          left,
          result,
          spool.directory());
    }
  }

  private Future<Void> closeSpool() {
    if (spool == null) {
      return Future.succeededFuture();
    }
    return workers
        .executeBlocking(
            () -> {
              spool.close();
              return null;
            },
            false)
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  private Future<Void> closeClients() {
    if (webClient != null) {
      webClient.close();
    }
    return workers == null ? Future.succeededFuture() : workers.close().otherwiseEmpty();
  }
}
