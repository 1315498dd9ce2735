package io.ferry.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Prometheus exporter from Debian running as a child process on 127.0.0.1: {@code
 * prometheus-node-exporter} or {@code prometheus-mysqld-exporter}, for checking the agent's figures
 * against the tools it replaces.
 *
 * <p>State directory layout, under {@code <stateDir>/<name>/}: {@code <name>.log} (the exporter's
 * output), {@code process.pid}, and for mysqld_exporter {@code my.cnf} (mode 0600).
 */
public final class LocalExporter implements AutoCloseable {

  /** How long a start waits for {@code /metrics} to answer: 30 s. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final ServerProcess process;
  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalExporter(ServerProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts node_exporter with only the collectors the agent's OS input compares with: cpu, meminfo,
   * filesystem, loadavg.
   */
  public static LocalExporter nodeExporter(Path stateDir) throws IOException {
    Path dir = Files.createDirectories(stateDir.resolve("node-exporter").toAbsolutePath());
    String program = ServerCommands.find("prometheus-node-exporter", "prometheus-node-exporter");
    return ServerStart.onFreePort(
        () ->
            startOnce(
                "node-exporter",
                dir,
                port ->
                    List.of(
                        program,
                        "--web.listen-address=" + FreePort.LOOPBACK + ":" + port,
                        "--collector.disable-defaults",
                        "--collector.cpu",
                        "--collector.meminfo",
                        "--collector.filesystem",
                        "--collector.loadavg")));
  }

  /** Starts mysqld_exporter for the server on 127.0.0.1:{@code mysqlPort} as {@code user}. */
  public static LocalExporter mysqldExporter(
      Path stateDir, int mysqlPort, String user, String password) throws IOException {
    Path dir = Files.createDirectories(stateDir.resolve("mysqld-exporter").toAbsolutePath());
    Path myCnf = dir.resolve("my.cnf");
    Files.deleteIfExists(myCnf);
    Files.createFile(
        myCnf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        myCnf,
        "[client]\nhost=%s\nport=%d\nuser=%s\npassword=%s\n"
            .formatted(FreePort.LOOPBACK, mysqlPort, user, password));
    String program =
        ServerCommands.find("prometheus-mysqld-exporter", "prometheus-mysqld-exporter");
    return ServerStart.onFreePort(
        () ->
            startOnce(
                "mysqld-exporter",
                dir,
                port ->
                    List.of(
                        program,
                        "--web.listen-address=" + FreePort.LOOPBACK + ":" + port,
                        "--config.my-cnf=" + myCnf)));
  }

  /** The exporter's command line for a given port. */
  @FunctionalInterface
  private interface CommandLine {
    List<String> forPort(int port);
  }

  private static LocalExporter startOnce(String name, Path dir, CommandLine commandLine)
      throws IOException {
    int port = FreePort.pick();
    Path log = dir.resolve(name + ".log");
    ServerProcess process =
        ServerProcess.start(
            name, new ArrayList<>(commandLine.forPort(port)), dir, log, dir.resolve("process.pid"));
    LocalExporter exporter = new LocalExporter(process, port);
    ServerStart.awaitReady(
        process,
        START_TIMEOUT,
        () -> exporter.fetch().statusCode() == 200,
        exporter::close,
        name + " exited during start",
        name + " did not answer /metrics within " + START_TIMEOUT,
        log);
    return exporter;
  }

  private HttpResponse<String> fetch() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + FreePort.LOOPBACK + ":" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Scrapes {@code /metrics} once.
   *
   * @throws IllegalStateException if the answer is not 200
   */
  public PrometheusSamples scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = fetch();
    if (response.statusCode() != 200) {
      throw new IllegalStateException("/metrics answered " + response.statusCode());
    }
    return PrometheusSamples.parse(response.body());
  }

  @Override
  public void close() {
    process.stop(Duration.ofSeconds(10));
  }
}
