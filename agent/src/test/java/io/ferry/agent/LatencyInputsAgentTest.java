package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.config.AgentSettings;
import io.ferry.agent.config.ConfigLoader;
import io.ferry.yamlconfig.Environment;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole agent in once mode with an HTTP probe and an access log, pushing to a real server. */
@ExtendWith(VertxExtension.class)
class LatencyInputsAgentTest {

  @TempDir Path dir;
  private FakeCollector collector;
  private HttpServer site;

  @BeforeEach
  void startServers(Vertx vertx) throws Exception {
    collector = new FakeCollector(vertx);
    site =
        vertx
            .createHttpServer()
            .requestHandler(request -> request.response().end("healthy"))
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopServers() throws Exception {
    collector.close();
    site.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void onceModePushesTheFirstProbeAndTheLogsCounts(Vertx vertx) throws Exception {
    Path log = dir.resolve("access.log");
    Files.writeString(
        log,
        "192.0.2.1 - - [26/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 7 \"-\" \"t\" 0.012\n");
    Path file = dir.resolve("agent.yml");
    Files.writeString(
        file,
        """
        agent: {interval: 10s, jitter: false, state_directory: %s}
        collector: {url: %s, token: t0k}
        inputs:
          os: {enabled: false}
          http:
            - {name: site, url: "http://127.0.0.1:%d/health", body_contains: healthy}
          access_log:
            files:
              - {name: site, path: %s, vhost: site.example, start_at: beginning}
        """
            .formatted(dir.resolve("state"), collector.url(), site.actualPort(), log));
    AgentSettings settings =
        new ConfigLoader(Environment.of(Map.of()), () -> Optional.of("test-host")).load(file);
    var verticle = new AgentVerticle(() -> settings, true);
    String id = vertx.deployVerticle(verticle).await(20, TimeUnit.SECONDS);

    assertThat(verticle.onceResult().await(20, TimeUnit.SECONDS)).isEqualTo(PushResult.DELIVERED);
    vertx.undeploy(id).await(20, TimeUnit.SECONDS);

    List<String> lines = collector.received().stream().flatMap(r -> r.lines().stream()).toList();
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("http_probe,host=test-host,probe=site ")
                    .contains("success=t", "status=200i"))
        .anySatisfy(
            line -> assertThat(line).startsWith("http_probe_duration,host=test-host,probe=site "))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "http_requests,host=test-host,log=site,method=GET,vhost=site.example ")
                    .contains("total=1i"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("http_request_duration,host=test-host,log=site,vhost=site.example ")
                    .contains("count=1i"));
    assertThat(dir.resolve("state").resolve("access-log-site.offset")).exists();
  }
}
