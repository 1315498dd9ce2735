package io.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real InfluxDB 1.x server ({@code influxd}) running as a child process on 127.0.0.1.
 *
 * <p>State directory layout, under {@code <stateDir>/influxdb/}:
 *
 * <pre>
 * influxdb.conf   generated configuration (rewritten at every start)
 * meta/ data/ wal/  InfluxDB's own storage
 * influxd.log     the server's stdout and stderr
 * process.pid     pid of the running server, removed by {@link #close()}
 * </pre>
 *
 * <p>Both the HTTP port and the RPC port are picked free at start. Usage reporting and the {@code
 * _internal} monitoring database are off.
 */
public final class LocalInfluxDb implements AutoCloseable {

  /** How long {@link #start(Path)} waits for {@code /ping} to answer: 30 s. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #close()} waits after SIGTERM before it sends SIGKILL: 10 s. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ServerProcess process;
  private final int port;
  private final HttpClient http;

  private LocalInfluxDb(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Starts {@code influxd} with its files under {@code stateDir/influxdb} (kept if they exist) and
   * waits until {@code /ping} answers, at most 30 s.
   *
   * @throws IOException if the server cannot start or does not answer in time; the message holds
   *     the tail of its log
   */
  public static LocalInfluxDb start(Path stateDir) throws IOException {
    Path dir = Files.createDirectories(stateDir.resolve("influxdb").toAbsolutePath());
    return ServerStart.onFreePort(() -> startOnce(dir));
  }

  private static LocalInfluxDb startOnce(Path dir) throws IOException {
    int httpPort = FreePort.pick();
    Path config = dir.resolve("influxdb.conf");
    Files.writeString(config, new InfluxDbConfigFile(dir, httpPort, FreePort.pick()).render());
    Path log = dir.resolve("influxd.log");
    ServerProcess process =
        ServerProcess.start(
            "influxdb",
            List.of(
                ServerCommands.find("influxd", "influxdb"), "run", "-config", config.toString()),
            dir,
            log,
            dir.resolve("process.pid"));
    LocalInfluxDb influx = new LocalInfluxDb(process, httpPort);
    ServerStart.awaitReady(
        process,
        START_TIMEOUT,
        influx::pings,
        influx::close,
        "influxd exited during start",
        "influxd did not answer /ping within " + START_TIMEOUT,
        log);
    return influx;
  }

  private boolean pings() throws IOException, InterruptedException {
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create(url() + "/ping")).timeout(Duration.ofSeconds(2)).build();
    return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
  }

  /** The HTTP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The base URL of the HTTP API, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://" + FreePort.LOOPBACK + ":" + port;
  }

  /** The operating-system pid of the server process. */
  public long pid() {
    return process.pid();
  }

  /**
   * Creates a database (no error if it exists).
   *
   * @throws IllegalStateException if InfluxDB rejects the statement
   */
  public void createDatabase(String name) {
    String query = "CREATE DATABASE \"" + name.replace("\"", "\\\"") + "\"";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/query"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("q=" + encode(query)))
            .build();
    InfluxQueryResults.rows(query, send(request, query));
  }

  /**
   * Writes line protocol through {@code /write} with nanosecond timestamps.
   *
   * @throws IllegalStateException if InfluxDB does not accept the lines (status other than 204)
   */
  public void writeLines(String database, String lines) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/write?precision=ns&db=" + encode(database)))
            .timeout(REQUEST_TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(lines))
            .build();
    send(request, "write to " + database);
  }

  /**
   * Runs InfluxQL through {@code GET /query?db=&q=&epoch=ns} and returns the answer as InfluxDB
   * sent it (statement errors are inside the JSON, not thrown).
   *
   * @throws IllegalStateException if the HTTP status is not 200
   */
  public String queryJson(String database, String influxQl) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    url() + "/query?epoch=ns&db=" + encode(database) + "&q=" + encode(influxQl)))
            .timeout(REQUEST_TIMEOUT)
            .GET()
            .build();
    return send(request, influxQl);
  }

  /**
   * Runs InfluxQL and flattens the answer: one map per row from column name to value, plus the tags
   * of the row's series when the query groups by tags. Values are {@link Double}, {@link Long}
   * (also for whole-valued floats, which InfluxDB's JSON cannot tell apart), {@link String}, {@link
   * Boolean} or {@code null}; times are {@link Long} nanoseconds.
   *
   * @throws IllegalStateException if InfluxDB reports an error for the statement
   */
  public List<Map<String, Object>> queryRows(String database, String influxQl) {
    return InfluxQueryResults.rows(influxQl, queryJson(database, influxQl));
  }

  private String send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("InfluxDB at " + url() + " failed on [" + what + "]", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for InfluxDB on [" + what + "]");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "InfluxDB at "
              + url()
              + " answered "
              + response.statusCode()
              + " to ["
              + what
              + "]: "
              + response.body());
    }
    return response.body();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Stops the server: SIGTERM, then SIGKILL after 10 s; returns once the process is gone. */
  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }

  @Override
  public String toString() {
    return "influxdb@127.0.0.1:" + port;
  }
}
