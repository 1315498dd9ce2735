package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ferry.agent.config.AgentSettings;
import io.ferry.agent.config.ConfigLoader;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.Environment;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole agent, OS input included, pushing to a real HTTP server. */
@ExtendWith(VertxExtension.class)
class AgentVerticleTest {

  @TempDir Path dir;
  private FakeCollector collector;

  @BeforeEach
  void startCollector(Vertx vertx) throws Exception {
    collector = new FakeCollector(vertx);
  }

  @AfterEach
  void stopCollector() throws Exception {
    collector.close();
  }

  @Test
  void collectsAndPushesEveryInterval(Vertx vertx) throws Exception {
    var verticle = new AgentVerticle(config("200ms"), false);
    String id = vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> allLines().stream().anyMatch(line -> line.startsWith("cpu,")));
    vertx.undeploy(id).await(20, TimeUnit.SECONDS);

    List<String> lines = allLines();
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).startsWith("mem,cluster=old,host=test-host "))
        .anySatisfy(line -> assertThat(line).startsWith("disk,"))
        .anySatisfy(
            line ->
                assertThat(line).startsWith("ferry_agent,cluster=old,host=test-host,source=os "))
        .allSatisfy(line -> assertThat(line).contains("host=test-host"));
    assertThat(collector.received())
        .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Token t0k"));
  }

  @Test
  void onceModeReportsWhetherThePushWasDelivered(Vertx vertx) throws Exception {
    var verticle = new AgentVerticle(config("10s"), true);
    vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);

    assertThat(verticle.onceResult().await(20, TimeUnit.SECONDS)).isEqualTo(PushResult.DELIVERED);
    assertThat(allLines()).anySatisfy(line -> assertThat(line).startsWith("mem,"));
  }

  @Test
  void onceModeFailsWhenTheTokenIsRefused(Vertx vertx) throws Exception {
    collector.answer(401, 401);
    var verticle = new AgentVerticle(config("10s"), true);
    String id = vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);

    assertThat(verticle.onceResult().await(20, TimeUnit.SECONDS)).isEqualTo(PushResult.FAILED);
    assertThat(verticle.pushStats().spool().points()).isPositive();
    vertx.undeploy(id).await(20, TimeUnit.SECONDS);
  }

  @Test
  void stopFlushesWhatIsStillBuffered(Vertx vertx) throws Exception {
    collector.answer(503);
    var verticle = new AgentVerticle(config("10s"), true);
    String id = vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);
    assertThat(verticle.onceResult().await(20, TimeUnit.SECONDS)).isEqualTo(PushResult.FAILED);

    vertx.undeploy(id).await(20, TimeUnit.SECONDS);

    assertThat(collector.received()).hasSize(2);
    assertThat(collector.received().get(1).body()).isEqualTo(collector.received().get(0).body());
    assertThat(verticle.pushStats().spool().points()).isZero();
  }

  @Test
  void whatStopCouldNotSendIsSentByTheNextStart(Vertx vertx) throws Exception {
    collector.answer(503, 503);
    var first = new AgentVerticle(config("10s"), true);
    String id = vertx.deployVerticle(first).await(20, TimeUnit.SECONDS);
    assertThat(first.onceResult().await(20, TimeUnit.SECONDS)).isEqualTo(PushResult.FAILED);
    vertx.undeploy(id).await(20, TimeUnit.SECONDS);
    assertThat(first.pushStats().spool().points()).isPositive();
    String unsent = collector.received().get(0).body();

    var second = new AgentVerticle(config("10s"), true);
    String secondId = vertx.deployVerticle(second).await(20, TimeUnit.SECONDS);

    assertThat(second.onceResult().await(20, TimeUnit.SECONDS)).isEqualTo(PushResult.DELIVERED);
    assertThat(collector.received()).extracting(r -> r.body()).contains(unsent);
    assertThat(collector.received().get(collector.received().size() - 1).body()).isEqualTo(unsent);
    vertx.undeploy(secondId).await(20, TimeUnit.SECONDS);
  }

  @Test
  void aBadConfigurationFailsTheDeploymentWithItsMessage(Vertx vertx) throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "agent:\n  interval: soon\n");
    Callable<AgentSettings> config = () -> loader().load(file);

    assertThatThrownBy(
            () ->
                vertx.deployVerticle(new AgentVerticle(config, false)).await(20, TimeUnit.SECONDS))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + " line 2: agent.interval: expected a positive duration such as 100ms, 10s, 5m or"
                + " 1h, got \"soon\"");
  }

  private Callable<AgentSettings> config(String interval) throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(
        file,
        """
        agent:
          interval: %s
          jitter: false
          tags: {cluster: old}
          state_directory: %s
        collector:
          url: %s
          token: t0k
          timeout: 5s
        inputs:
          os: {enabled: true}
        """
            .formatted(interval, dir, collector.url()));
    return () -> loader().load(file);
  }

  private static ConfigLoader loader() {
    return new ConfigLoader(Environment.of(Map.of()), () -> Optional.of("test-host"));
  }

  private List<String> allLines() {
    return collector.received().stream().flatMap(r -> r.lines().stream()).toList();
  }
}
