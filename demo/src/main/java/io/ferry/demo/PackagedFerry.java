package io.ferry.demo;

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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged programs — the {@code ferry} collector and {@code ferry-agent} — as child
 * processes with configuration files written into a state directory, as an operator would run them.
 * Used by the demo and by the end-to-end tests.
 */
public final class PackagedFerry implements AutoCloseable {

  /** The settings of one agent: which server it watches and the tags it gives its points. */
  public record AgentSpec(
      String host, Map<String, String> tags, int mysqlPort, String mysqlUser, String interval) {}

  private final Path stateDir;
  private final Path agentJar;
  private final Path collectorJar;
  private final String token = randomToken();
  private final List<ManagedProcess> processes = new ArrayList<>();
  private List<String> collectorCommand;
  private Map<String, String> collectorEnv;
  private String collectorUrl;
  private ManagedProcess collector;

  public PackagedFerry(Path stateDir, Path agentJar, Path collectorJar) throws IOException {
    this.stateDir = Files.createDirectories(stateDir);
    this.agentJar = requireFile(agentJar);
    this.collectorJar = requireFile(collectorJar);
  }

  /** The fleet token the collector accepts and the agents send. */
  public String token() {
    return token;
  }

  /**
   * The collector's {@code alerts:} section: the rule files of a folder, sent to one webhook.
   *
   * @param rulesDir folder whose {@code *.yml} rule files are loaded (the tarball's {@code
   *     etc/rules} for the shipped rules)
   * @param webhookUrl where the notifications are posted
   * @param webhookToken the bearer token the webhook expects (passed through the environment)
   * @param evaluationInterval {@code evaluation_interval}, e.g. {@code 1s}
   * @param groupWait {@code route.group_wait}: how long a new alert group (one per alert name and
   *     host) waits before its first notification
   * @param groupInterval {@code route.group_interval}: how long a group waits before its next
   *     notification, the resolve included
   */
  public record AlertsSpec(
      Path rulesDir,
      URI webhookUrl,
      String webhookToken,
      String evaluationInterval,
      String groupWait,
      String groupInterval) {}

  /** The file in which the collector keeps its alert state across restarts. */
  static final String ALERT_STATE_FILE = "alerts-state.json";

  /**
   * Starts the collector on a free loopback port, writing to {@code database} on the InfluxDB at
   * {@code influxUrl}, and waits until its health endpoint answers.
   *
   * @return the collector's base URL
   */
  public String startCollector(String influxUrl, String database)
      throws IOException, InterruptedException {
    return startCollector(influxUrl, database, null);
  }

  /**
   * Starts the collector as {@link #startCollector(String, String)} does, evaluating alerts as
   * {@code alerts} says (none when null) and keeping their state in {@link #alertStateFile()}.
   *
   * @return the collector's base URL
   */
  public String startCollector(String influxUrl, String database, AlertsSpec alerts)
      throws IOException, InterruptedException {
    int port = freePort();
    Path config = stateDir.resolve("collector.yml");
    var yaml = new StringBuilder();
    yaml.append("# Written by the Ferry demo.\n")
        .append("listen: {host: 127.0.0.1, port: ")
        .append(port)
        .append("}\n")
        .append("auth:\n")
        .append("  tokens:\n")
        .append("    - {name: demo-fleet, token: \"${FERRY_DEMO_TOKEN}\"}\n")
        .append("influxdb:\n")
        .append("  url: ")
        .append(influxUrl)
        .append('\n')
        .append("  api: auto\n")
        .append("  database: ")
        .append(database)
        .append('\n');
    Map<String, String> env = new HashMap<>(Map.of("FERRY_DEMO_TOKEN", token));
    if (alerts != null) {
      appendAlerts(yaml, alerts);
      env.put("FERRY_DEMO_WEBHOOK_TOKEN", alerts.webhookToken());
    }
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    collectorCommand =
        List.of(
            javaBin(),
            "-Xmx256m",
            "-jar",
            collectorJar.toString(),
            "collector",
            "--config",
            config.toString());
    collectorEnv = Map.copyOf(env);
    collectorUrl = "http://127.0.0.1:" + port;
    collector = startCollectorProcess();
    return collectorUrl;
  }

  /** The last lines of the collector's log, to explain a failure. */
  public String collectorLogTail(int lines) {
    return collector == null ? "(the collector was not started)" : collector.logTail(lines);
  }

  /** Where the collector keeps its alert state (pending and firing alerts, what was sent). */
  public Path alertStateFile() {
    return stateDir.resolve(ALERT_STATE_FILE);
  }

  /**
   * Stops the collector gracefully (SIGTERM, as a service manager does); its alert state is then in
   * {@link #alertStateFile()}. The agents keep their points until it is started again.
   *
   * @throws IllegalStateException when it did not stop by itself within 30 s (it is then killed)
   */
  public void stopCollector() throws InterruptedException {
    if (collector == null) {
      throw new IllegalStateException("the collector was not started");
    }
    collector.stopGracefully(Duration.ofSeconds(30));
    processes.remove(collector);
  }

  /**
   * Starts the collector stopped by {@link #stopCollector()} again, with the same configuration,
   * port and alert state file, and waits until it answers.
   */
  public void startCollectorAgain() throws IOException, InterruptedException {
    if (collectorCommand == null || processes.contains(collector)) {
      throw new IllegalStateException("the collector was not started, or still runs");
    }
    collector = startCollectorProcess();
  }

  private ManagedProcess startCollectorProcess() throws IOException, InterruptedException {
    ManagedProcess process =
        ManagedProcess.startAppending(
            "collector", collectorCommand, collectorEnv, stateDir.resolve("collector.log"));
    // First in the list: close() stops the agents before the collector.
    processes.add(0, process);
    awaitHealthy(process, collectorUrl);
    return process;
  }

  private static void appendAlerts(StringBuilder yaml, AlertsSpec alerts) {
    yaml.append("alerts:\n")
        .append("  rule_files: [\"")
        .append(alerts.rulesDir().toAbsolutePath().resolve("*.yml"))
        .append("\"]\n")
        .append("  evaluation_interval: ")
        .append(alerts.evaluationInterval())
        .append('\n')
        .append("  state_file: ")
        .append(ALERT_STATE_FILE)
        .append('\n')
        .append("  receivers:\n")
        .append("    - name: demo-webhook\n")
        .append("      webhook: {url: \"")
        .append(alerts.webhookUrl())
        .append("\", token: \"${FERRY_DEMO_WEBHOOK_TOKEN}\"}\n")
        .append("  route:\n")
        .append("    receiver: demo-webhook\n")
        .append("    group_by: [alertname, host]\n")
        .append("    group_wait: ")
        .append(alerts.groupWait())
        .append('\n')
        .append("    group_interval: ")
        .append(alerts.groupInterval())
        .append('\n');
  }

  /** Starts one agent that pushes to the collector at {@code collectorUrl}. */
  public ManagedProcess startAgent(AgentSpec spec, String collectorUrl, String mysqlPassword)
      throws IOException {
    Path config = stateDir.resolve("agent-" + spec.host() + ".yml");
    var yaml = new StringBuilder();
    yaml.append("# Written by the Ferry demo: one agent per database server.\n")
        .append("agent:\n")
        .append("  host: ")
        .append(spec.host())
        .append('\n')
        .append("  interval: ")
        .append(spec.interval())
        .append('\n')
        .append("  tags: {");
    yaml.append(
        String.join(
            ", ",
            spec.tags().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
    yaml.append("}\n")
        .append("  state_directory: ")
        .append(stateDir.resolve("agent-" + spec.host() + "-state"))
        .append('\n')
        .append("collector:\n")
        .append("  url: ")
        .append(collectorUrl)
        .append('\n')
        .append("  token: \"${FERRY_DEMO_TOKEN}\"\n")
        .append("inputs:\n")
        .append("  os: {enabled: true}\n")
        .append("  mysql:\n")
        .append("    - name: ")
        .append(spec.host())
        .append('\n')
        .append("      host: 127.0.0.1\n")
        .append("      port: ")
        .append(spec.mysqlPort())
        .append('\n')
        .append("      user: ")
        .append(spec.mysqlUser())
        .append('\n')
        .append("      password: \"${FERRY_MYSQL_PASSWORD}\"\n");
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    return start(
        "agent " + spec.host(),
        List.of(
            javaBin(),
            "-Xmx32m",
            "-XX:+UseSerialGC",
            "-Xss256k",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            agentJar.toString(),
            "--config",
            config.toString()),
        Map.of("FERRY_DEMO_TOKEN", token, "FERRY_MYSQL_PASSWORD", mysqlPassword),
        stateDir.resolve("agent-" + spec.host() + ".log"));
  }

  /** What one {@code ferry compare} run printed and its exit code. */
  public record CompareRun(int exitCode, List<String> output) {}

  /**
   * Runs {@code ferry compare} with the given arguments to completion (at most 5 minutes), the
   * passwords of both clusters passed through the environment.
   */
  public CompareRun compare(List<String> arguments, String oldPassword, String newPassword)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-jar", collectorJar.toString(), "compare"));
    command.addAll(arguments);
    // Not kept with the running processes: it ends by itself, and is killed if it does not.
    ManagedProcess compare =
        ManagedProcess.start(
            "ferry compare",
            command,
            Map.of("FERRY_OLD_PASSWORD", oldPassword, "FERRY_NEW_PASSWORD", newPassword),
            stateDir.resolve("compare.log"));
    int exitCode = compare.awaitExit(Duration.ofMinutes(5));
    return new CompareRun(exitCode, compare.logLines());
  }

  /**
   * Throws when a process stopped on its own, with the end of its log.
   *
   * @throws IllegalStateException naming the process that stopped
   */
  public void checkAlive() {
    for (ManagedProcess p : processes) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            p.name() + " stopped unexpectedly; its log ends with:\n" + p.logTail(20));
      }
    }
  }

  /** Stops the agents first, then the collector. */
  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
  }

  private ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ManagedProcess process = ManagedProcess.start(name, command, env, log);
    processes.add(process);
    return process;
  }

  private void awaitHealthy(ManagedProcess collector, String url) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(url + "/health"))
            .header("Authorization", "Token " + token)
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      if (!collector.isAlive()) {
        throw new IllegalStateException(
            "the collector stopped while starting; its log ends with:\n" + collector.logTail(20));
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet: ask again shortly.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the collector did not answer "
            + url
            + "/health within 60 s; its log ends with:\n"
            + collector.logTail(20));
  }

  private static Path requireFile(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          jar + " does not exist: build it first (mvn install -DskipTests)");
    }
    return jar;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A random token of 48 hex digits. */
  static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
