package io.ferry.cli.compare;

import io.ferry.cli.DurationConverter;
import io.ferry.collector.compare.ClientDefaults;
import io.ferry.collector.compare.MySqlDsn;
import io.ferry.collector.compare.MySqlOptionFile;
import io.ferry.collector.compare.ReportFiles;
import io.ferry.collector.compare.RequiredGrants;
import io.ferry.collector.config.ClusterConfig;
import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.CutoverComparison;
import io.ferry.cutover.Node;
import io.ferry.cutover.Phase;
import io.ferry.cutover.TlsDriverProperties;
import io.ferry.cutover.check.HeartbeatReader;
import io.ferry.cutover.data.LoadLimit;
import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJsonReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry compare}: compares the new cluster with the old one and answers GO or NO-GO. The
 * exit code gates the traffic switch: 0 is GO; otherwise its bits say what failed (1 data, 2
 * schema, 4 replication, 8 configuration, 16 grants, 32 traffic, 64 could not finish — a bad
 * command line included — and 128 worse than the pre-cutover baseline).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = CheckFamily.COULD_NOT_FINISH_BIT,
    exitCodeOnExecutionException = CheckFamily.COULD_NOT_FINISH_BIT,
    defaultValueProvider = CompareDefaults.class,
    description = {
      "Compares the new MySQL/MariaDB cluster with the old one: replication and topology,"
          + " schema, configuration, grants and data, with one GO / NO-GO verdict.",
      "Exit code: 0 GO; otherwise the sum of 1 data, 2 schema, 4 replication, 8 configuration,"
          + " 16 grants, 32 traffic, 64 could not finish, 128 worse than the pre-cutover"
          + " baseline.",
      "Passwords come from the environment (FERRY_OLD_PASSWORD, FERRY_NEW_PASSWORD), the DSN"
          + " or --defaults-file. The account needs the privileges --print-grants prints on"
          + " every server."
    })
public final class CompareCommand implements Callable<Integer> {

  /** Environment variable holding the password for every node of the old cluster. */
  public static final String OLD_PASSWORD_VARIABLE = "FERRY_OLD_PASSWORD";

  /** Environment variable holding the password for every node of the new cluster. */
  public static final String NEW_PASSWORD_VARIABLE = "FERRY_NEW_PASSWORD";

  @Spec CommandSpec spec;

  @Option(
      names = "--old",
      description =
          "The old cluster's primary: mysql://user@host:port, with TLS as"
              + " ?ssl-mode=VERIFY_CA&ssl-ca=FILE&ssl-cert=FILE&ssl-key=FILE. Required.")
  String oldPrimary;

  @Option(names = "--new", description = "The new cluster's primary. Required.")
  String newPrimary;

  @Option(
      names = "--defaults-file",
      paramLabel = "FILE",
      description =
          "MySQL option file whose [client] section gives what the DSNs leave out: user,"
              + " password, host, port, ssl-mode, ssl-ca, ssl-cert, ssl-key (as Percona"
              + " Toolkit's --defaults-file). The DSN and FERRY_*_PASSWORD win over it.")
  Path defaultsFile;

  @Option(
      names = "--print-grants",
      description =
          "Print the GRANT statement the comparison's account needs on every server, and exit.")
  boolean printGrants;

  @Option(
      names = "--old-replica",
      description = "A replica of the old cluster (repeat for several).")
  List<String> oldReplicas = new ArrayList<>();

  @Option(
      names = "--new-replica",
      description = "A replica of the new cluster (repeat for several).")
  List<String> newReplicas = new ArrayList<>();

  @Option(
      names = "--phase",
      description = "pre (before the switch) or post (after it). Default: ${DEFAULT-VALUE}.")
  String phase;

  @Option(
      names = "--report",
      description = "Directory for compare-<phase>.html and compare-<phase>.json.")
  Path reportDir;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "After the switch: the pre-cutover report (JSON) to compare with. Default with --phase"
              + " post and --report DIR: DIR/compare-pre.json when it exists.")
  Path baseline;

  @Option(
      names = "--include",
      split = ",",
      description = "Only these databases or tables (db, db.table, * as wildcard).")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      split = ",",
      description = "Leave these databases or tables out (applied after --include).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--max-lag",
      converter = DurationConverter.class,
      description =
          "Largest acceptable replication lag (500ms, 5s, 2m, 1h): above it replication FAILs,"
              + " and the data comparison pauses while any replica lags more (heartbeat age"
              + " where a replica has the heartbeat table, else Seconds_Behind_Master)."
              + " Default: ${DEFAULT-VALUE}.")
  Duration maxLag;

  @Option(
      names = "--max-load",
      paramLabel = "VAR=MAX[,...]",
      description =
          "Pause the data comparison while a global status variable of either primary is above"
              + " its limit, as pt-table-checksum --max-load (e.g. Threads_running=25,"
              + "Threads_connected=400; empty for no limit). Default: ${DEFAULT-VALUE}.")
  String maxLoad;

  @Option(
      names = "--chunk-time",
      converter = DurationConverter.class,
      description =
          "Time one chunk's checksum should take; the chunk size adapts within"
              + " --chunk-size-min and --chunk-size-max. Default: ${DEFAULT-VALUE}.")
  Duration chunkTime;

  @Option(
      names = "--chunk-size-min",
      paramLabel = "ROWS",
      description = "Fewest rows per chunk. Default: ${DEFAULT-VALUE}.")
  int chunkSizeMin;

  @Option(
      names = "--chunk-size-max",
      paramLabel = "ROWS",
      description = "Most rows per chunk. Default: ${DEFAULT-VALUE}.")
  int chunkSizeMax;

  @Option(
      names = "--chunk-parallelism",
      paramLabel = "N",
      description =
          "Chunk checksums each primary runs at once, each on a connection of its own (1 to "
              + ComparisonOptions.MAX_CHUNK_PARALLELISM
              + "); 1 runs one statement at a time per primary, as pt-table-checksum does."
              + " Default: ${DEFAULT-VALUE}.")
  int chunkParallelism;

  @Option(
      names = "--show-values",
      description =
          "Show the old and new values of each differing column (cut to 64 characters) in the"
              + " summary and the reports; never for columns whose names look like secrets"
              + " (password, token, secret, hash, salt, key, ...).")
  boolean showValues;

  @Option(
      names = "--data-on-replicas",
      description =
          "Also compare each replica's data with its own primary's (--old-replica with --old,"
              + " --new-replica with --new), GTID-aligned: a replica that silently diverged is"
              + " drift (bit 1); one that does not catch up within --gtid-wait-timeout could not"
              + " be compared (bit 64).")
  boolean dataOnReplicas;

  @Option(
      names = "--gtid-wait-timeout",
      converter = DurationConverter.class,
      description =
          "Longest wait for a server to apply another's GTID position: a primary before a"
              + " differing chunk is re-checked, a replica before each of its chunks with"
              + " --data-on-replicas. Default: ${DEFAULT-VALUE}.")
  Duration gtidWaitTimeout;

  @Option(
      names = "--heartbeat-table",
      paramLabel = "DB.TABLE",
      description =
          "pt-heartbeat table (ts in UTC, as pt-heartbeat --utc and the Ferry agent write it):"
              + " where a replica has it, lag is the age of its source's row there instead of"
              + " Seconds_Behind_Master. Default: ${DEFAULT-VALUE}.")
  String heartbeatTable;

  @Option(
      names = "--expect-difference",
      description = "A global variable expected to differ between the clusters (repeatable).")
  List<String> expectedDifferences = new ArrayList<>();

  @Option(
      names = "--resume",
      description = "Checkpoint file: finished tables are skipped when the command runs again.")
  Path checkpoint;

  @Option(
      names = "--no-progress",
      description = "No progress bar (the default when the output is not a terminal).")
  boolean noProgress;

  @Option(
      names = "--verbose",
      description = "Log every table and chunk decision (INFO) instead of warnings only.")
  boolean verbose;

  private final Function<String, String> environment;

  /** With the process's environment. */
  public CompareCommand() {
    this(System::getenv);
  }

  /** With an injected environment (tests). */
  public CompareCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (!verbose) {
      // The terminal shows the progress bar and the summary; per-table log lines would break
      // the bar. Read by slf4j-simple when the comparison's loggers are created.
      System.setProperty("org.slf4j.simpleLogger.log.io.ferry.cutover", "warn");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (printGrants) {
      RequiredGrants.lines(oldPrimary == null ? null : userOf(oldPrimary)).forEach(out::println);
      out.flush();
      return 0;
    }
    ClusterTopology topology;
    ComparisonOptions.Builder options;
    Optional<Path> baselineFile;
    try {
      topology = topology();
      options = options();
      baselineFile = baselineFile();
      if (baselineFile.isPresent()) {
        options.previousReport(readBaseline(baselineFile.get()));
      }
      options.build(); // an option out of range is a command-line error, named before connecting
    } catch (IllegalArgumentException e) {
      err.println("ferry compare: " + e.getMessage());
      return CheckFamily.COULD_NOT_FINISH_BIT;
    }
    out.println(
        "ferry compare ("
            + parsedPhase().label()
            + "-cutover): old "
            + describe(topology.oldNodes())
            + ", new "
            + describe(topology.newNodes()));
    baselineFile.ifPresent(file -> out.println("Baseline: " + file));
    out.flush();
    ComparisonReport report;
    try (var progress = CompareProgressBar.create(err, !noProgress && System.console() != null)) {
      options.progressListener(progress);
      report = new CutoverComparison().run(topology, options.build());
    }
    TerminalSummary.lines(report).forEach(out::println);
    if (reportDir != null) {
      try {
        List<Path> written = ReportFiles.write(reportDir, report);
        out.println("Report: " + String.join(", ", written.stream().map(Path::toString).toList()));
      } catch (IOException e) {
        err.println(
            "ferry compare: cannot write the report to " + reportDir + ": " + e.getMessage());
        return report.exitCode() | CheckFamily.COULD_NOT_FINISH_BIT;
      }
    }
    out.flush();
    return report.exitCode();
  }

  private ClusterTopology topology() {
    if (oldPrimary == null || newPrimary == null) {
      throw new IllegalArgumentException(
          "--old and --new are required (or --print-grants to see the privileges needed)");
    }
    ClientDefaults defaults =
        defaultsFile == null ? ClientDefaults.NONE : MySqlOptionFile.read(defaultsFile);
    return new ClusterTopology(
        side("old", oldPrimary, oldReplicas, OLD_PASSWORD_VARIABLE, defaults),
        side("new", newPrimary, newReplicas, NEW_PASSWORD_VARIABLE, defaults));
  }

  /**
   * One side's nodes. Its password comes from the DSN, else the environment variable, else the
   * option file; when none gives one the variable is named, rather than letting every server answer
   * "Access denied (using password: NO)".
   */
  private List<Node> side(
      String side,
      String primary,
      List<String> replicas,
      String passwordVariable,
      ClientDefaults defaults) {
    String password = environment.apply(passwordVariable);
    ClientDefaults effective = password == null ? defaults : defaults.withoutPassword();
    MySqlDsn primaryDsn = dsn(primary, effective);
    List<MySqlDsn> replicaDsns = replicas.stream().map(text -> dsn(text, effective)).toList();
    for (MySqlDsn dsn : concat(primaryDsn, replicaDsns)) {
      if (password == null && dsn.password().isEmpty()) {
        throw new IllegalArgumentException(
            passwordVariable
                + " is not set, and neither the DSN "
                + dsn
                + (defaultsFile == null ? "" : " nor " + defaultsFile)
                + " gives a password; set it (to an empty value for an account without one)");
      }
    }
    List<Node> nodes = new ClusterConfig(primaryDsn, replicaDsns, password).nodes(side);
    for (Node node : nodes) {
      TlsDriverProperties.of(node.tls()); // a PEM file that cannot be used fails here, once
    }
    return nodes;
  }

  private static List<MySqlDsn> concat(MySqlDsn first, List<MySqlDsn> rest) {
    List<MySqlDsn> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static MySqlDsn dsn(String text, ClientDefaults defaults) {
    MySqlDsn dsn = MySqlDsn.parse(text, defaults);
    if (dsn.user().isEmpty()) {
      throw new IllegalArgumentException(
          "DSN '" + dsn + "' names no user (mysql://user@host:port, or user in --defaults-file)");
    }
    return dsn;
  }

  private static String userOf(String dsnText) {
    try {
      String user = MySqlDsn.parse(dsnText).user();
      return user.isEmpty() ? null : user;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Phase parsedPhase() {
    return Phase.parse(phase)
        .orElseThrow(
            () -> new IllegalArgumentException("--phase must be pre or post, not '" + phase + "'"));
  }

  /** The --baseline file, or after the switch the pre-cutover report in --report's folder. */
  private Optional<Path> baselineFile() {
    boolean post = parsedPhase() == Phase.POST;
    if (baseline != null) {
      if (!post) {
        throw new IllegalArgumentException("--baseline applies to --phase post only");
      }
      return Optional.of(baseline);
    }
    if (!post || reportDir == null) {
      return Optional.empty();
    }
    Path previous = reportDir.resolve("compare-pre.json");
    return Files.exists(previous) ? Optional.of(previous) : Optional.empty();
  }

  private static ComparisonReport readBaseline(Path file) {
    ComparisonReport report;
    try {
      report = new ReportJsonReader().read(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the baseline report " + e.getMessage());
    }
    if (report.phase() != Phase.PRE) {
      throw new IllegalArgumentException(
          "the baseline report " + file + " is a post-cutover report; give the pre-cutover one");
    }
    return report;
  }

  private ComparisonOptions.Builder options() {
    requireChunkBounds();
    var builder =
        ComparisonOptions.builder()
            .phase(parsedPhase())
            .maxReplicaLag(maxLag)
            .maxLoad(maxLoad())
            .chunkTargetTime(chunkTime)
            .chunkRowBounds(chunkSizeMin, chunkSizeMax)
            .chunkParallelism(chunkParallelism)
            .showValues(showValues)
            .dataOnReplicas(dataOnReplicas)
            .gtidWaitTimeout(gtidWaitTimeout)
            .heartbeatTable(heartbeatTable())
            .tableFilter(new TableFilter(include, exclude));
    expectedDifferences.forEach(builder::expectConfigDifference);
    if (checkpoint != null) {
      builder.checkpointFile(checkpoint);
    }
    return builder;
  }

  private void requireChunkBounds() {
    if (chunkSizeMin < 1) {
      throw new IllegalArgumentException(
          "--chunk-size-min must be at least 1, was " + chunkSizeMin);
    }
    if (chunkSizeMax < chunkSizeMin) {
      throw new IllegalArgumentException(
          "--chunk-size-max " + chunkSizeMax + " is smaller than --chunk-size-min " + chunkSizeMin);
    }
    if (chunkParallelism < 1 || chunkParallelism > ComparisonOptions.MAX_CHUNK_PARALLELISM) {
      throw new IllegalArgumentException(
          "--chunk-parallelism must be between 1 and "
              + ComparisonOptions.MAX_CHUNK_PARALLELISM
              + ", was "
              + chunkParallelism);
    }
  }

  private List<LoadLimit> maxLoad() {
    if (maxLoad == null || maxLoad.isBlank()) {
      return List.of();
    }
    try {
      return LoadLimit.parseList(maxLoad);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--max-load: " + e.getMessage());
    }
  }

  private String heartbeatTable() {
    if (!HeartbeatReader.isValidName(heartbeatTable)) {
      throw new IllegalArgumentException(
          "--heartbeat-table must be database.table, not '" + heartbeatTable + "'");
    }
    return heartbeatTable;
  }

  private static String describe(List<Node> nodes) {
    Node primary = nodes.get(0);
    String where = primary.jdbcUrl().replace("jdbc:mysql://", "").replaceAll("/$", "");
    int replicas = nodes.size() - 1;
    return where
        + (replicas == 0 ? "" : " (+" + replicas + (replicas == 1 ? " replica)" : " replicas)"));
  }
}
