package io.ferry.demo;

import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs Ferry on a local migration stack: the old cluster (primary and replica), the new cluster
 * (primary and replica, its primary joined master/master with the old one), InfluxDB, the packaged
 * collector and one packaged agent per database server, plus a small write workload.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Runs Ferry against a local migration stack until Ctrl-C (or once, with --once).")
public final class DemoMain implements Callable<Integer> {

  static final String DATABASE = "ferry";

  @Option(
      names = "--once",
      description = "Run for --duration, print a summary, exit 0 only if the data arrived.")
  boolean once;

  @Option(
      names = "--duration",
      defaultValue = "PT60S",
      description = "How long --once runs (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--interval",
      defaultValue = "5s",
      description = "Agents' collection interval (default ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--state-dir", required = true, description = "Where servers keep their data.")
  Path stateDir;

  @Option(names = "--agent-jar", required = true, description = "The packaged agent.")
  Path agentJar;

  @Option(names = "--collector-jar", required = true, description = "The packaged collector.")
  Path collectorJar;

  private final PrintStream out;
  private final List<AutoCloseable> running = new ArrayList<>();

  DemoMain(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    var demo = new DemoMain(System.out);
    int code = new CommandLine(demo).execute(args);
    System.exit(code);
  }

  @Override
  public Integer call() throws Exception {
    Thread hook = new Thread(this::stopAll, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return run();
    } finally {
      stopAll();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }

  private int run() throws Exception {
    Files.createDirectories(stateDir);
    say("Starting the local migration stack in " + stateDir + " ...");
    MigrationStack stack = MigrationStack.start(stateDir.resolve("stack"));
    running.add(stack);
    describeStack(stack);

    var ferry = new PackagedFerry(stateDir, agentJar, collectorJar);
    running.add(0, ferry);
    String collectorUrl = ferry.startCollector(stack.influx().url(), DATABASE);
    say("collector   " + collectorUrl + " (writes to InfluxDB database '" + DATABASE + "')");
    for (DemoHost host : DemoHost.of(stack)) {
      var spec =
          new PackagedFerry.AgentSpec(
              host.name(),
              Map.of("cluster", host.cluster(), "role", host.role()),
              host.server().port(),
              MigrationStack.AGENT_USER,
              interval);
      ManagedProcess agent = ferry.startAgent(spec, collectorUrl, MigrationStack.AGENT_PASSWORD);
      say("agent       " + host.name() + " (log " + agent.log().getFileName() + ")");
    }

    var workload = new WriteWorkload(stack.oldPrimary());
    running.add(0, workload);
    workload.start(20);
    say("workload    20 transactions/s into blog.posts on old-primary");
    printHowToLook(stack);

    var report = new DemoReport(stack.influx(), DATABASE);
    Instant end = once ? Instant.now().plus(duration) : Instant.MAX;
    Instant faultAt = Instant.now().plus(duration.dividedBy(3));
    Instant healAt = Instant.now().plus(duration.dividedBy(3).multipliedBy(2));
    Instant compareAt = Instant.now().plus(duration.dividedBy(6).multipliedBy(5));
    boolean faultInjected = false;
    boolean healed = false;
    boolean compared = false;
    while (Instant.now().isBefore(end)) {
      Thread.sleep(Math.min(10_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
      ferry.checkAlive();
      if (!faultInjected && Instant.now().isAfter(faultAt)) {
        say("");
        say("Fault: stopping the SQL thread of old-replica (STOP REPLICA SQL_THREAD) ...");
        stack.oldReplica().execute("STOP REPLICA SQL_THREAD");
        faultInjected = true;
      } else if (faultInjected && !healed && Instant.now().isAfter(healAt)) {
        say("Healing: START REPLICA SQL_THREAD on old-replica ...");
        stack.oldReplica().execute("START REPLICA SQL_THREAD");
        healed = true;
      }
      if (healed && !compared && Instant.now().isAfter(compareAt)) {
        compare(stack, ferry);
        compared = true;
      }
      say(
          "["
              + Instant.now().toString().substring(11, 19)
              + "] workload "
              + workload.written()
              + " transactions, "
              + workload.failed()
              + " failed");
      report.printReplication(out);
    }
    if (faultInjected && !healed) {
      stack.oldReplica().execute("START REPLICA SQL_THREAD");
    }
    say("");
    say("Summary of what arrived in InfluxDB:");
    boolean complete = report.printSummary(out, DemoHost.of(stack), faultInjected);
    say(complete ? "RESULT: all data arrived." : "RESULT: data is missing (see above).");
    return complete ? 0 : 1;
  }

  /**
   * Runs {@code ferry compare} on the two clusters while the workload goes on, and prints its
   * summary: the new cluster should match the old one.
   */
  private void compare(MigrationStack stack, PackagedFerry ferry) throws Exception {
    say("");
    say("Cutover check: ferry compare --phase pre (the workload keeps writing) ...");
    Path reports = stateDir.resolve("reports");
    var run =
        ferry.compare(
            List.of(
                "--old",
                dsn(stack.oldPrimary()),
                "--old-replica",
                dsn(stack.oldReplica()),
                "--new",
                dsn(stack.newPrimary()),
                "--new-replica",
                dsn(stack.newReplica()),
                "--include",
                "blog",
                "--no-progress",
                "--report",
                reports.toString()),
            MigrationStack.ADMIN_PASSWORD,
            MigrationStack.ADMIN_PASSWORD);
    run.output().stream().filter(line -> !line.startsWith("[")).forEach(line -> say("  " + line));
    say("");
  }

  private static String dsn(LocalMariaDb server) {
    return "mysql://" + MigrationStack.ADMIN_USER + "@127.0.0.1:" + server.port();
  }

  private void describeStack(MigrationStack stack) {
    say("influxdb    " + stack.influx().url());
    for (DemoHost host : DemoHost.of(stack)) {
      LocalMariaDb db = host.server();
      say(
          String.format(
              "%-11s 127.0.0.1:%d server_id=%d cluster=%s role=%s",
              host.name(), db.port(), db.serverId(), host.cluster(), host.role()));
    }
  }

  private void printHowToLook(MigrationStack stack) {
    String influx =
        "influx -host 127.0.0.1 -port " + stack.influx().port() + " -database " + DATABASE;
    say("");
    say("Look at the data while it runs (InfluxQL with the influx CLI):");
    say(
        "  "
            + influx
            + " -execute \"SELECT last(state), last(lag_seconds), last(lag_known) FROM"
            + " mysql_replication GROUP BY host, channel\"");
    say(
        "  "
            + influx
            + " -execute \"SELECT mean(usage_user) FROM cpu WHERE time > now() - 5m GROUP BY"
            + " host, time(30s)\"");
    say("  " + influx + " -execute \"SHOW MEASUREMENTS\"");
    say(once ? "Running for " + duration.toSeconds() + " s ..." : "Press Ctrl-C to stop.");
    say("");
  }

  private synchronized void stopAll() {
    if (running.isEmpty()) {
      return;
    }
    say("Stopping everything the demo started ...");
    for (AutoCloseable c : List.copyOf(running)) {
      try {
        c.close();
      } catch (Exception e) {
        say("  could not stop " + c + ": " + e.getMessage());
      }
    }
    running.clear();
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
