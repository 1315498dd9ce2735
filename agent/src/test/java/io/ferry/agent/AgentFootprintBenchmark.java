package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.agent.input.mysql.HeartbeatConfig;
import io.ferry.agent.input.mysql.MySqlInput;
import io.ferry.agent.input.mysql.MySqlInputConfig;
import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.testkit.LocalExporter;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.BufferedWriter;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent's footprint next to the exporters it replaces, in the same run on the same
 * machine: the agent started by its launcher ({@code src/dist/ferry-agent}, so with the launcher's
 * JVM flags) with a 10 s interval, the OS input, the MySQL input on the shared stack's old replica
 * with the heartbeat, two HTTP probes against a local server and one access log written at 50
 * lines/s; Debian's {@code prometheus-node-exporter} (its default collectors) and {@code
 * prometheus-mysqld-exporter} (on the same replica) scraped every 10 s. Every 10 s it reads each
 * process's resident memory ({@code VmRSS} in {@code /proc/<pid>/status}) and CPU time ({@code
 * utime + stime} in {@code /proc/<pid>/stat}); the OS input's collect time comes from the agent's
 * own {@code ferry_agent} points.
 *
 * <p>Not part of the test suite (the class name does not end in {@code Test}). It runs the jar the
 * {@code package} phase built, so package first:
 *
 * <pre>
 * mvn -B -ntp -q -o package -pl agent -am -DskipTests
 * mvn -B -ntp -q -o test -pl agent -am -Dtest=AgentFootprintBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dferry.benchmark.duration=PT10M
 * </pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/agent-footprint.md}.
 *
 * <p>To compare launcher flags within one run (the machine is shared, so figures from two runs
 * differ by more than most flags change), {@code -Dferry.benchmark.variants='FLAGS|FLAGS'} starts
 * one more agent per variant, each with the same configuration (its own state directory and host
 * name) and {@code FERRY_AGENT_JAVA_OPTS=FLAGS} (added after the launcher's own flags, so a flag
 * given again overrides the launcher's), sampled like the first.
 */
class AgentFootprintBenchmark {

  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
  private static final int LINES_PER_SECOND = 50;
  private static final HeartbeatTable HEARTBEAT = new HeartbeatTable("percona", "heartbeat");
  private static final String AGENT_ACCOUNT = "'" + MigrationStack.AGENT_USER + "'@'127.0.0.1'";
  private static final DateTimeFormatter NGINX_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
  private static final Pattern OS_COLLECT_MS =
      Pattern.compile("^ferry_agent,.*host=bench[, ].*source=os[, ].*collect_ms=([0-9.eE+-]+)");

  @TempDir Path dir;

  @Test
  void agentNextToNodeAndMysqldExporter() throws Exception {
    Duration duration = Duration.parse(System.getProperty("ferry.benchmark.duration", "PT10M"));
    Path jar = Path.of(System.getProperty("ferry.agent.jar", "target/ferry-agent.jar"));
    assertThat(jar).as("the packaged agent; run mvn package first").exists();
    Path launcher = Path.of("src/dist/ferry-agent").toAbsolutePath();
    List<String> variants =
        Arrays.stream(System.getProperty("ferry.benchmark.variants", "").split("\\|"))
            .map(String::strip)
            .filter(flags -> !flags.isEmpty())
            .toList();

    MigrationStack stack = SharedStack.get();
    LocalMariaDb replica = stack.oldReplica();
    prepareHeartbeat(stack);

    Vertx vertx = Vertx.vertx();
    ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
    Process agent = null;
    List<Process> variantAgents = new ArrayList<>();
    Process nodeExporter = null;
    try (FakeCollector collector = new FakeCollector(vertx);
        MySqlInput heartbeatWriter = heartbeatSource("old-primary", stack.oldPrimary(), true);
        LocalExporter mysqldExporter =
            LocalExporter.mysqldExporter(
                dir, replica.port(), MigrationStack.AGENT_USER, MigrationStack.AGENT_PASSWORD)) {
      HttpServer site =
          vertx
              .createHttpServer()
              .requestHandler(
                  request ->
                      request
                          .response()
                          .putHeader("Content-Type", "text/plain")
                          .end(request.path().equals("/health") ? "healthy" : "{\"items\":[]}"))
              .listen(0, "127.0.0.1")
              .await(10, TimeUnit.SECONDS);

      // The primary's agent writes the heartbeat each second in production; here this JVM does.
      load.scheduleAtFixedRate(
          () -> {
            try {
              heartbeatWriter.collect(new CollectingAccumulator());
            } catch (Exception e) {
              System.err.println("heartbeat write failed: " + e.getMessage());
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
      Path accessLog = dir.resolve("access.log");
      Files.createFile(accessLog);
      BufferedWriter logWriter =
          Files.newBufferedWriter(accessLog, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      long[] written = {0};
      load.scheduleAtFixedRate(
          () -> writeLines(logWriter, written, LINES_PER_SECOND / 10),
          0,
          100,
          TimeUnit.MILLISECONDS);

      int nodePort = freePort();
      Path nodeLog = dir.resolve("node-exporter.log");
      nodeExporter =
          new ProcessBuilder(
                  "prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + nodePort)
              .redirectErrorStream(true)
              .redirectOutput(nodeLog.toFile())
              .start();
      String nodeUrl = "http://127.0.0.1:" + nodePort + "/metrics";
      awaitAnswer(nodeUrl);

      String configTemplate =
          """
          agent: {host: %s, interval: 10s, state_directory: %s}
          collector: {url: %s, token: t0k}
          inputs:
            os: {enabled: true}
            mysql:
              - name: old-replica
                host: 127.0.0.1
                port: %d
                user: %s
                password: %s
                heartbeat: {table: percona.heartbeat}
            http:
              - {name: health, url: "http://127.0.0.1:%d/health", body_contains: healthy}
              - {name: api, url: "http://127.0.0.1:%d/api/items"}
            access_log:
              files:
                - {name: site, path: %s, vhost: site.example}
          """;
      BiFunction<String, Path, String> configFor =
          (host, state) ->
              configTemplate.formatted(
                  host,
                  state,
                  collector.url(),
                  replica.port(),
                  MigrationStack.AGENT_USER,
                  MigrationStack.AGENT_PASSWORD,
                  site.actualPort(),
                  site.actualPort(),
                  accessLog);
      Path agentLog = dir.resolve("agent.log");
      agent =
          startAgent(
              launcher,
              jar,
              dir.resolve("agent.yml"),
              configFor.apply("bench", dir.resolve("state")),
              agentLog,
              "");
      for (int v = 0; v < variants.size(); v++) {
        variantAgents.add(
            startAgent(
                launcher,
                jar,
                dir.resolve("agent-" + v + ".yml"),
                configFor.apply("bench-variant-" + v, dir.resolve("state-" + v)),
                dir.resolve("agent-" + v + ".log"),
                variants.get(v)));
      }

      long mysqldPid =
          Long.parseLong(
              Files.readString(dir.resolve("mysqld-exporter").resolve("process.pid")).strip());
      var processes = new ArrayList<Watched>();
      processes.add(new Watched("ferry-agent", agent.pid()));
      for (int v = 0; v < variants.size(); v++) {
        processes.add(new Watched("ferry-agent " + variants.get(v), variantAgents.get(v).pid()));
      }
      processes.add(new Watched("node_exporter", nodeExporter.pid()));
      processes.add(new Watched("mysqld_exporter", mysqldPid));
      HttpClient http = HttpClient.newHttpClient();
      // Measure from the agent's first push on, not its start-up.
      long firstPushDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (collector.received().isEmpty()) {
        assertThat(agent.isAlive()).as("agent alive, log %s", agentLog).isTrue();
        assertThat(System.nanoTime()).as("first push within 60 s").isLessThan(firstPushDeadline);
        Thread.sleep(200);
      }

      List<Sample> samples = new ArrayList<>();
      List<String> loads = new ArrayList<>();
      long started = System.nanoTime();
      long end = started + duration.toNanos();
      int tick = 0;
      while (System.nanoTime() < end) {
        // Prometheus would scrape both exporters every 10 s.
        http.send(
            HttpRequest.newBuilder(URI.create(nodeUrl)).build(),
            HttpResponse.BodyHandlers.discarding());
        mysqldExporter.scrape();
        for (Watched process : processes) {
          samples.add(process.sample(tick * SAMPLE_EVERY.toSeconds()));
        }
        loads.add(Files.readString(Path.of("/proc/loadavg")).strip());
        assertThat(agent.isAlive()).as("agent alive, log %s", agentLog).isTrue();
        for (Process variant : variantAgents) {
          assertThat(variant.isAlive()).as("variant agent alive, logs in %s", dir).isTrue();
        }
        tick++;
        long next = started + tick * SAMPLE_EVERY.toNanos();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
      }
      for (Watched process : processes) {
        samples.add(process.sample(tick * SAMPLE_EVERY.toSeconds()));
      }
      loads.add(Files.readString(Path.of("/proc/loadavg")).strip());

      List<Double> osCollectMs =
          collector.received().stream()
              .flatMap(r -> r.lines().stream())
              .map(OS_COLLECT_MS::matcher)
              .filter(Matcher::find)
              .map(m -> Double.parseDouble(m.group(1)))
              .sorted()
              .toList();
      long requests =
          collector.received().stream()
              .flatMap(r -> r.lines().stream())
              .filter(line -> line.startsWith("http_requests,"))
              .count();
      assertThat(requests).as("access log counted").isPositive();
      assertThat(osCollectMs).as("OS input collect times").isNotEmpty();
      String report =
          report(duration, processes, samples, loads, osCollectMs, written[0])
              + threadCpu(agent.pid());
      Path out = Files.createDirectories(Path.of("target", "benchmarks"));
      Files.writeString(out.resolve("agent-footprint.md"), report);
      System.out.println(report);
      site.close().await(10, TimeUnit.SECONDS);
      logWriter.close();
    } finally {
      load.shutdownNow();
      load.awaitTermination(10, TimeUnit.SECONDS);
      stop(agent);
      for (Process variant : variantAgents) {
        stop(variant);
      }
      stop(nodeExporter);
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  /** A process whose memory and CPU time are sampled. */
  /**
   * Writes {@code config} to {@code configFile} and starts an agent on it through the packaged
   * launcher (which execs java: the process's pid is the JVM's), with {@code javaOpts} in {@code
   * FERRY_AGENT_JAVA_OPTS} unless empty.
   */
  private static Process startAgent(
      Path launcher, Path jar, Path configFile, String config, Path log, String javaOpts)
      throws IOException {
    Files.writeString(configFile, config);
    var builder =
        new ProcessBuilder(launcher.toString(), "--config", configFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("FERRY_AGENT_JAR", jar.toAbsolutePath().toString());
    if (!javaOpts.isEmpty()) {
      builder.environment().put("FERRY_AGENT_JAVA_OPTS", javaOpts);
    }
    return builder.start();
  }

  private record Watched(String name, long pid) {
    Sample sample(long atSeconds) throws IOException {
      Path proc = Path.of("/proc", Long.toString(pid));
      long rssKib =
          Files.readAllLines(proc.resolve("status")).stream()
              .filter(line -> line.startsWith("VmRSS:"))
              .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
              .findFirst()
              .orElseThrow();
      String stat = Files.readString(proc.resolve("stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      return new Sample(name, atSeconds, rssKib, ticks);
    }
  }

  private record Sample(String process, long atSeconds, long rssKib, long cpuTicks) {}

  private static String report(
      Duration duration,
      List<Watched> processes,
      List<Sample> samples,
      List<String> loads,
      List<Double> osCollectMs,
      long linesWritten)
      throws IOException, InterruptedException {
    double ticksPerSecond = clockTicks();
    var text = new StringBuilder();
    text.append("Agent footprint over ")
        .append(duration)
        .append(", sampled every ")
        .append(SAMPLE_EVERY.toSeconds())
        .append(" s; ")
        .append(linesWritten)
        .append(" access-log lines written\n\n");
    text.append("| process | RSS first (MiB) | RSS min | RSS max | RSS last | CPU time (s) |\n");
    text.append("|---|---|---|---|---|---|\n");
    for (Watched process : processes) {
      List<Sample> own = samples.stream().filter(s -> s.process().equals(process.name())).toList();
      var first = own.get(0);
      var last = own.get(own.size() - 1);
      long min = own.stream().mapToLong(Sample::rssKib).min().orElseThrow();
      long max = own.stream().mapToLong(Sample::rssKib).max().orElseThrow();
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
              process.name(),
              first.rssKib() / 1024.0,
              min / 1024.0,
              max / 1024.0,
              last.rssKib() / 1024.0,
              (last.cpuTicks() - first.cpuTicks()) / ticksPerSecond));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%nOS input collect time over %d collections: median %.1f ms, p90 %.1f ms, max %.1f"
                + " ms%n",
            osCollectMs.size(),
            percentile(osCollectMs, 0.5),
            percentile(osCollectMs, 0.9),
            osCollectMs.get(osCollectMs.size() - 1)));
    text.append("\nLoad average (1, 5, 15 min) at start, middle, end: ")
        .append(loads.get(0))
        .append(" / ")
        .append(loads.get(loads.size() / 2))
        .append(" / ")
        .append(loads.get(loads.size() - 1))
        .append("\n\nRSS per sample (MiB):\n\n| s |");
    for (Watched process : processes) {
      text.append(' ').append(process.name()).append(" |");
    }
    text.append("\n|---|").append("---|".repeat(processes.size())).append('\n');
    int rows = samples.size() / processes.size();
    for (int row = 0; row < rows; row++) {
      text.append("| ").append(samples.get(row * processes.size()).atSeconds()).append(" |");
      for (int p = 0; p < processes.size(); p++) {
        text.append(
            String.format(
                Locale.ROOT, " %.1f |", samples.get(row * processes.size() + p).rssKib() / 1024.0));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The agent's CPU time by thread name (trailing numbers as #), most first. */
  private static String threadCpu(long pid) throws IOException, InterruptedException {
    double ticksPerSecond = clockTicks();
    Map<String, Long> ticks = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat = Files.readString(task.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.merge(
            name.replaceAll("[0-9]+$", "#"),
            Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
            Long::sum);
      }
    }
    var text = new StringBuilder("\nAgent CPU time by thread since its start (s):\n\n");
    text.append("| thread | CPU (s) |\n|---|---|\n");
    ticks.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(
            e ->
                text.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %.2f |%n",
                        e.getKey(),
                        e.getValue() / ticksPerSecond)));
    return text.toString();
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }

  private static double clockTicks() throws IOException, InterruptedException {
    Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
    String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    getconf.waitFor();
    return Double.parseDouble(out.strip());
  }

  private static void writeLines(BufferedWriter writer, long[] written, int count) {
    String time = NGINX_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    try {
      for (int i = 0; i < count; i++) {
        long n = written[0]++;
        String path = n % 7 == 0 ? "/api/items" : "/static/app.js";
        int status = n % 50 == 0 ? 500 : n % 10 == 0 ? 304 : 200;
        writer.write(
            "192.0.2.%d - - [%s] \"GET %s HTTP/1.1\" %d 512 \"-\" \"bench\" 0.%03d\n"
                .formatted(n % 250, time, path, status, n % 400));
      }
      writer.flush();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the access log", e);
    }
  }

  private static void prepareHeartbeat(MigrationStack stack) {
    stack
        .oldPrimary()
        .execute(
            Arrays.stream(HEARTBEAT.createStatements().split(";"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty())
                .toArray(String[]::new));
    stack.awaitReplicationCaughtUp(Duration.ofSeconds(30));
    for (LocalMariaDb server : stack.mariaDbs()) {
      boolean writer = server == stack.oldPrimary() || server == stack.newPrimary();
      server.execute("SET sql_log_bin = 0", HEARTBEAT.grantStatement(AGENT_ACCOUNT, writer));
    }
  }

  private static MySqlInput heartbeatSource(String name, LocalMariaDb server, boolean update) {
    return new MySqlInput(
        new MySqlInputConfig(
            name,
            "127.0.0.1",
            server.port(),
            MigrationStack.AGENT_USER,
            MigrationStack.AGENT_PASSWORD,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Map.of(),
            Optional.of(new HeartbeatConfig(HEARTBEAT, update, 0))));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitAnswer(String url) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(url + " did not answer within 30 s", notYet);
        }
      }
      Thread.sleep(200);
    }
  }

  private static void stop(Process process) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
