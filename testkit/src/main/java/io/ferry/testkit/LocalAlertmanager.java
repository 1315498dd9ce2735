package io.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus Alertmanager ({@code prometheus-alertmanager}) running as a child process on
 * 127.0.0.1, without clustering, routing everything to a receiver that sends nothing.
 *
 * <p>State directory layout, under {@code <stateDir>/alertmanager/}:
 *
 * <pre>
 * alertmanager.yml   generated configuration (rewritten at every start)
 * data/              silences and notification log
 * alertmanager.log   the server's stdout and stderr
 * process.pid        pid of the running server, removed by {@link #close()}
 * </pre>
 */
public final class LocalAlertmanager implements AutoCloseable {

  /** How long {@link #start(Path)} waits for {@code /-/ready}: 30 s. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #close()} waits after SIGTERM before it sends SIGKILL: 10 s. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /** The configuration: one route to one receiver named {@code null} that notifies nobody. */
  static final String CONFIG =
      """
      route:
        receiver: 'null'
      receivers:
        - name: 'null'
      """;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final ServerProcess process;
  private final int port;
  private final HttpClient http;

  private LocalAlertmanager(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Starts Alertmanager with its files under {@code stateDir/alertmanager} and waits until {@code
   * /-/ready} answers 200, at most 30 s.
   *
   * @throws IOException if it cannot start or does not get ready in time; the message holds the
   *     tail of its log
   */
  public static LocalAlertmanager start(Path stateDir) throws IOException {
    Path dir = Files.createDirectories(stateDir.resolve("alertmanager").toAbsolutePath());
    return ServerStart.onFreePort(() -> startOnce(dir));
  }

  private static LocalAlertmanager startOnce(Path dir) throws IOException {
    int port = FreePort.pick();
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(config, CONFIG);
    Path data = Files.createDirectories(dir.resolve("data"));
    Path log = dir.resolve("alertmanager.log");
    ServerProcess process =
        ServerProcess.start(
            "alertmanager",
            List.of(
                ServerCommands.find("prometheus-alertmanager", "prometheus-alertmanager"),
                "--config.file=" + config,
                "--storage.path=" + data,
                "--web.listen-address=" + FreePort.LOOPBACK + ":" + port,
                "--cluster.listen-address="),
            dir,
            log,
            dir.resolve("process.pid"));
    LocalAlertmanager alertmanager = new LocalAlertmanager(process, port);
    ServerStart.awaitReady(
        process,
        START_TIMEOUT,
        alertmanager::ready,
        alertmanager::close,
        "alertmanager exited during start",
        "alertmanager was not ready within " + START_TIMEOUT,
        log);
    return alertmanager;
  }

  private boolean ready() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://" + FreePort.LOOPBACK + ":" + port;
  }

  /**
   * The alerts Alertmanager holds, as the JSON of {@code GET /api/v2/alerts} (active, silenced,
   * inhibited and unprocessed ones; resolved ones are left out by Alertmanager).
   *
   * @throws IllegalStateException if the status is not 200
   */
  public String alertsJson() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("alertmanager at " + url() + " failed on GET alerts", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading alerts from " + url());
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "alertmanager at "
              + url()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }

  /** Stops the server: SIGTERM, then SIGKILL after 10 s; returns once the process is gone. */
  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }

  @Override
  public String toString() {
    return "alertmanager@127.0.0.1:" + port;
  }
}
