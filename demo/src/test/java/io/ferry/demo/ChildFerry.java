package io.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.AgentMain;
import io.ferry.collector.CollectorDaemon;
import io.ferry.testkit.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * Starts the collector and agents of a test in child JVMs ({@link ChildJvm}), their logs in the
 * test's folder, the token in the environment as {@code FERRY_TEST_TOKEN}.
 */
final class ChildFerry {

  private ChildFerry() {}

  /** A free loopback port for the collector, which must keep it across restarts. */
  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts the collector daemon (what {@code ferry collector} runs) and waits until it answers
   * {@code /health/live}.
   */
  static ChildJvm startCollector(Path config, int port, String token, Path log) throws Exception {
    ChildJvm process =
        ChildJvm.start(
            "collector",
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            CollectorDaemon.class,
            List.of("--config", config.toString()),
            Map.of("FERRY_TEST_TOKEN", token),
            log);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest live =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try {
      Awaitility.await("the collector listening")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(
              () -> {
                assertThat(process.isAlive()).as("collector alive: %s", process.logText()).isTrue();
                return http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
              });
    } catch (RuntimeException | AssertionError e) {
      process.close();
      throw e;
    }
    return process;
  }

  /**
   * Starts the agent main for {@code host} with the OS input every {@code interval}, its spool in
   * {@code dir/<host>-state}, its configuration in {@code dir/<host>.yml}, its log in {@code
   * dir/<host>.log}.
   */
  static ChildJvm startAgent(
      Path dir, String host, Duration interval, int collectorPort, String token)
      throws IOException {
    Path config = dir.resolve(host + ".yml");
    Path state = Files.createDirectories(dir.resolve(host + "-state"));
    Files.writeString(
        config,
        """
        agent: {host: %s, interval: %ds, jitter: false, state_directory: %s}
        collector: {url: "http://127.0.0.1:%d", token: "${FERRY_TEST_TOKEN}", timeout: 2s}
        inputs:
          os: {enabled: true}
        """
            .formatted(host, interval.toSeconds(), state, collectorPort));
    return ChildJvm.start(
        host,
        List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        AgentMain.class,
        List.of("--config", config.toString()),
        Map.of("FERRY_TEST_TOKEN", token),
        dir.resolve(host + ".log"));
  }
}
