package io.ferry.collector.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The collector ({@code CollectorDaemon --config FILE}, what {@code ferry collector} runs) as a
 * child JVM on the test's class path, its output in a log file; {@link #kill()} is {@code kill -9}.
 */
final class CollectorProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("Ferry collector listening on http://127\\.0\\.0\\.1:(\\d+)");

  private final String name;
  private final Process process;
  private final Path log;
  private final String token;
  private int port;

  private CollectorProcess(String name, Process process, Path log, String token) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.token = token;
  }

  /** Starts the collector and waits until it listens. */
  static CollectorProcess start(String name, Path config, Path log, String token)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx160m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.ferry.collector.CollectorDaemon",
                    "--config",
                    config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    var collector = new CollectorProcess(name, process, log, token);
    Awaitility.await(name + " listening (log " + log + ")")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(collector::listening);
    return collector;
  }

  private boolean listening() throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
    }
    Matcher matcher = LISTENING.matcher(Files.readString(log));
    if (matcher.find()) {
      port = Integer.parseInt(matcher.group(1));
      return true;
    }
    return false;
  }

  int port() {
    return port;
  }

  /** Whether {@code /metrics} says this collector leads the cluster. */
  boolean leads() throws IOException, InterruptedException {
    return get("/metrics").map(body -> body.contains("ferry_cluster_leader 1.0")).orElse(false);
  }

  /** The body of a 200 answer to {@code GET path}, empty for another status. */
  Optional<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Token " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
  }

  /** Posts JSON to {@code path}; returns the body of a 201 answer. */
  String post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Token " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "POST " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Posts line protocol to {@code /write}; returns the status. */
  int write(String lines) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/write?db=x"))
                .header("Authorization", "Token " + token)
                .POST(HttpRequest.BodyPublishers.ofString(lines, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** The process's output so far. */
  String output() throws IOException {
    return Files.readString(log);
  }

  /** {@code kill -9}: no shutdown hook runs, the cluster is not told. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
