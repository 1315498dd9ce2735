package io.ferry.demo;

import io.ferry.testkit.PrometheusSamples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged collector of {@link FleetBenchmark}, installed from the release tarball and started
 * through its launcher ({@code bin/ferry collector}) with the launcher's default JVM flags, as an
 * operator runs it: one token per agent in an {@code auth.tokens_file}, the tarball's {@code
 * etc/rules} and two SLOs on the agents' access-log series, notifications to a webhook.
 */
final class FleetCollector implements AutoCloseable {

  /** The InfluxDB database the collector writes to. */
  static final String DATABASE = "ferry";

  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private static final String RECORDING = "fleet";

  /** Two SLOs over every host's access-log series, as {@code docs/alerts.md} shows them. */
  private static final String SLOS =
      """
        slos:
          - name: blog-availability
            objective: 99.9%
            period: 30d
            ratio: {measurement: http_requests, good: ok, total: total}
          - name: blog-latency
            objective: 99%
            period: 30d
            latency: {measurement: http_request_duration, threshold: 250ms}
      """;

  /** JVM flags that start a JFR recording (profile settings) for {@link #dumpRecording(Path)}. */
  static final String RECORDING_FLAGS =
      "-XX:StartFlightRecording=name=" + RECORDING + ",settings=profile";

  private final ManagedProcess process;
  private final int port;
  private final String adminToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private FleetCollector(ManagedProcess process, int port, String adminToken) {
    this.process = process;
    this.port = port;
    this.adminToken = adminToken;
  }

  /**
   * Writes the configuration into {@code stateDir} and starts the collector installed at {@code
   * installed}; returns once {@code /health/live} answers.
   *
   * @param agentTokens one token per simulated agent, named {@code agent-<index>}
   * @param settings whether to track the SLOs, record with JFR, and the heap limit
   */
  static FleetCollector start(
      Path installed,
      Path stateDir,
      String influxUrl,
      List<String> agentTokens,
      WebhookReceiver receiver,
      FleetSettings settings)
      throws IOException, InterruptedException {
    Files.createDirectories(stateDir);
    int port = freePort();
    String adminToken = PackagedFerry.randomToken();
    Path tokens = stateDir.resolve("tokens.yml");
    var tokenYaml = new StringBuilder("tokens:\n");
    for (int i = 0; i < agentTokens.size(); i++) {
      tokenYaml
          .append("  - {name: agent-")
          .append(i)
          .append(", token: ")
          .append(agentTokens.get(i))
          .append("}\n");
    }
    Files.writeString(tokens, tokenYaml, StandardCharsets.UTF_8);
    Path config = stateDir.resolve("collector.yml");
    Files.writeString(
        config,
        """
        listen: {host: 127.0.0.1, port: %d}
        %s
        auth:
          tokens:
            - {name: benchmark, token: "${FERRY_BENCHMARK_TOKEN}"}
          tokens_file: %s
        influxdb:
          url: %s
          database: %s
        %s
        alerts:
          rule_files: ["%s/*.yml"]
          receivers:
            - name: oncall
              webhook: {url: "%s", token: "${FERRY_WEBHOOK_TOKEN}"}
          route:
            receiver: oncall
            group_by: [alertname, host]
          inhibit_rules:
            - {source: ['alertname="HostSilent"'], target: ['alertname!="HostSilent"'], equal: [host]}
        """
                .formatted(
                    port,
                    settings
                        .maxExpectedWait()
                        .map(w -> "ingest: {max_expected_wait: " + w + "}")
                        .orElse(""),
                    tokens,
                    influxUrl,
                    DATABASE,
                    settings.flushInterval().map(f -> "  flush_interval: " + f).orElse(""),
                    installed.resolve("etc").resolve("rules"),
                    receiver.url())
            + (settings.slos() ? SLOS : ""),
        StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>();
    env.put("FERRY_BENCHMARK_TOKEN", adminToken);
    env.put("FERRY_WEBHOOK_TOKEN", receiver.token());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS", settings.profile() ? RECORDING_FLAGS : "");
    settings.heap().ifPresent(heap -> env.put("FERRY_HEAP", heap));
    ManagedProcess process =
        ManagedProcess.start(
            "collector",
            List.of(
                installed.resolve("bin").resolve("ferry").toString(),
                "collector",
                "--config",
                config.toString()),
            env,
            stateDir.resolve("collector.log"));
    FleetCollector collector = new FleetCollector(process, port, adminToken);
    try {
      collector.awaitLive();
    } catch (InterruptedException | RuntimeException e) {
      process.close();
      throw e;
    }
    return collector;
  }

  private void awaitLive() throws InterruptedException {
    HttpRequest live =
        HttpRequest.newBuilder(URI.create(url() + "/health/live"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the collector stopped while starting; its log ends with:\n" + process.logTail(30));
      }
      try {
        if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet: ask again shortly.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the collector did not answer /health/live within "
            + START_LIMIT.toSeconds()
            + " s; its log ends with:\n"
            + process.logTail(30));
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The collector JVM's pid: the launcher {@code exec}s java, so it is the started process. */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String logTail(int lines) {
    return process.logTail(lines);
  }

  /**
   * Waits until the collector holds no point for InfluxDB ({@code ferry_collector_pending_points}
   * is 0), at most {@code limit}.
   *
   * @return whether it held none within the limit
   */
  boolean awaitNothingPending(Duration limit) {
    // A scrape without an answer within 5 s (an IOException) means still busy writing.
    return FleetWaits.until(
        limit,
        () ->
            PrometheusSamples.parse(metrics()).value("ferry_collector_pending_points").orElse(-1)
                == 0);
  }

  /**
   * The collector's {@code GET /metrics} (Prometheus text).
   *
   * @throws IOException when it does not answer 200 within 5 s
   */
  String metrics() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/metrics"))
            .header("Authorization", "Token " + adminToken)
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered " + response.statusCode());
    }
    return response.body();
  }

  /**
   * Writes the JFR recording started with {@link #RECORDING_FLAGS} to {@code file}, with {@code
   * jcmd}, while the collector runs.
   *
   * @throws IllegalStateException when jcmd fails
   */
  void dumpRecording(Path file) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid()),
                "JFR.dump",
                "name=" + RECORDING,
                "filename=" + file.toAbsolutePath())
            .redirectErrorStream(true)
            .start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd JFR.dump failed: " + output.strip());
    }
  }

  /** Copies the collector's log (so far) to {@code file}. */
  void copyLog(Path file) throws IOException {
    Files.copy(process.log(), file, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Stops the collector as a service manager does (SIGTERM). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.stopGracefully(Duration.ofSeconds(30));
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
