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
      description =
          "Run through the fault, its alert and the comparison (at least --duration), print a"
              + " summary, exit 0 only if the data, the page and the resolve arrived.")
  boolean once;

  @Option(
      names = "--duration",
      defaultValue = "PT60S",
      description =
          "The shortest time --once runs; the SQL thread stops after a third of it (ISO-8601,"
              + " default ${DEFAULT-VALUE}).")
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

  @Option(
      names = "--collector-jar",
      required = true,
      description = "The packaged ferry command (cli/target/ferry.jar), which runs the collector.")
  Path collectorJar;

  @Option(
      names = "--collector-tarball",
      required = true,
      description = "The collector's tarball, whose etc/rules has the shipped alert rules.")
  Path collectorTarball;

  /**
   * Longest wait for the page after the SQL thread stopped: the shipped rule pages after its {@code
   * for} (one minute) plus the group wait; past this the demo starts the thread again and reports
   * the missing page.
   */
  static final Duration PAGE_TIMEOUT = Duration.ofMinutes(3);

  /** Longest wait for the resolve after the SQL thread started again. */
  static final Duration RESOLVE_TIMEOUT = Duration.ofMinutes(1);

  /** How often the progress lines are printed. */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** The demo's fault and the alert it should raise. */
  static final String FAULTY_HOST = "old-replica";

  static final String EXPECTED_ALERT = "ReplicationStopped";

  /** Where the demo's run stands. */
  enum Stage {
    /** Data flows; the fault comes after a third of --duration. */
    WARMING_UP,
    /** The old replica's SQL thread is stopped; waiting for the page. */
    SQL_THREAD_STOPPED,
    /** The thread runs again; waiting for the resolve. */
    SQL_THREAD_STARTED,
    /** The comparison ran; --once ends once --duration has passed. */
    COMPARED
  }

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

    var receiver = WebhookReceiver.start(PackagedFerry.randomToken());
    running.add(0, receiver);
    Path rules = new CollectorTarball(collectorTarball).unpackRules(stateDir.resolve("dist"));
    var ferry = new PackagedFerry(stateDir, agentJar, collectorJar);
    running.add(0, ferry);
    String collectorUrl =
        ferry.startCollector(
            stack.influx().url(),
            DATABASE,
            new PackagedFerry.AlertsSpec(
                rules, receiver.url(), receiver.token(), "1s", "2s", "5s"));
    say("collector   " + collectorUrl + " (writes to InfluxDB database '" + DATABASE + "')");
    say("alerts      the rules shipped in the collector's etc/rules, evaluated as points arrive");
    say("webhook     " + receiver.url() + " receives the notifications; the demo prints them");
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
    Instant started = Instant.now();
    Instant end = Instant.MAX;
    Instant stageDeadline = started.plus(duration.dividedBy(3));
    Instant nextProgress = started.plus(PROGRESS_EVERY);
    Stage stage = Stage.WARMING_UP;
    int printed = 0;
    boolean faultInjected = false;
    while (Instant.now().isBefore(end)) {
      Instant wakeAt = earliest(nextProgress, stage == Stage.COMPARED ? end : stageDeadline);
      // Woken early by a notification, so that it is printed as it arrives.
      receiver.awaitMoreThan(printed, Duration.between(Instant.now(), wakeAt));
      List<ReceivedNotification> received = receiver.received();
      for (ReceivedNotification notification : received.subList(printed, received.size())) {
        notification.lines().forEach(line -> say("ALERT " + line));
      }
      printed = received.size();
      ferry.checkAlive();
      Instant now = Instant.now();
      switch (stage) {
        case WARMING_UP -> {
          if (!now.isBefore(stageDeadline)) {
            say("");
            say("Fault: stopping the SQL thread of old-replica (STOP REPLICA SQL_THREAD) ...");
            say(
                "  the shipped rule "
                    + EXPECTED_ALERT
                    + " pages once the thread has been stopped for its 'for' (etc/rules/"
                    + "replication.yml), after the route's group wait");
            stack.oldReplica().execute("STOP REPLICA SQL_THREAD");
            faultInjected = true;
            stage = Stage.SQL_THREAD_STOPPED;
            stageDeadline = now.plus(PAGE_TIMEOUT);
          }
        }
        case SQL_THREAD_STOPPED -> {
          boolean paged = received.stream().anyMatch(DemoMain::isPage);
          if (paged || !now.isBefore(stageDeadline)) {
            if (!paged) {
              say("No page within " + PAGE_TIMEOUT.toMinutes() + " minutes of the fault.");
            }
            say("Healing: START REPLICA SQL_THREAD on old-replica ...");
            stack.oldReplica().execute("START REPLICA SQL_THREAD");
            stage = Stage.SQL_THREAD_STARTED;
            stageDeadline = now.plus(RESOLVE_TIMEOUT);
          }
        }
        case SQL_THREAD_STARTED -> {
          boolean resolved = received.stream().anyMatch(DemoMain::isResolve);
          if (resolved || !now.isBefore(stageDeadline)) {
            if (!resolved) {
              say("No resolve within " + RESOLVE_TIMEOUT.toSeconds() + " s of the healing.");
            }
            compare(stack, ferry);
            stage = Stage.COMPARED;
            end = once ? latest(now, started.plus(duration)) : Instant.MAX;
          }
        }
        case COMPARED -> {
          // Runs on until Ctrl-C, or until --duration has passed with --once.
        }
      }
      if (!now.isBefore(nextProgress)) {
        nextProgress = now.plus(PROGRESS_EVERY);
        say(
            "["
                + now.toString().substring(11, 19)
                + "] workload "
                + workload.written()
                + " transactions, "
                + workload.failed()
                + " failed");
        report.printReplication(out);
      }
    }
    say("");
    say("Summary of what arrived in InfluxDB:");
    boolean complete = report.printSummary(out, DemoHost.of(stack), faultInjected);
    List<ReceivedNotification> received = receiver.received();
    boolean paged = received.stream().anyMatch(DemoMain::isPage);
    boolean resolved = received.stream().anyMatch(DemoMain::isResolve);
    say("");
    say("Alert notifications the webhook received: " + received.size());
    received.forEach(notification -> notification.lines().forEach(line -> say("  " + line)));
    say(
        "  "
            + EXPECTED_ALERT
            + " on "
            + FAULTY_HOST
            + ": page "
            + (paged ? "received" : "MISSING")
            + ", resolve "
            + (resolved ? "received" : "MISSING"));
    boolean success = complete && paged && resolved;
    if (success) {
      say("RESULT: all data arrived, and the stopped SQL thread paged and resolved.");
    } else {
      say(
          "RESULT: "
              + (complete ? "" : "data is missing; ")
              + (paged && resolved ? "" : "the alert's page or resolve is missing; ")
              + "see above.");
    }
    return success ? 0 : 1;
  }

  private static boolean isPage(ReceivedNotification notification) {
    return notification.concerns("firing", EXPECTED_ALERT, FAULTY_HOST);
  }

  private static boolean isResolve(ReceivedNotification notification) {
    return notification.concerns("resolved", EXPECTED_ALERT, FAULTY_HOST);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * Runs {@code ferry compare} on the two clusters while the workload goes on, and prints its
   * summary: the new cluster should match the old one.
   */
  private void compare(MigrationStack stack, PackagedFerry ferry) throws Exception {
    say("");
    say(
        "Cutover check: ferry compare --phase pre --data-on-replicas (the workload keeps"
            + " writing) ...");
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
                "--data-on-replicas",
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
    say(
        once
            ? "Running through the fault, its alert and the comparison (at least "
                + duration.toSeconds()
                + " s) ..."
            : "Press Ctrl-C to stop.");
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
