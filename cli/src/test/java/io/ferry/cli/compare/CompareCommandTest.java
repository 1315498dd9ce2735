package io.ferry.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import io.ferry.testkit.SharedStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ferry compare} against the real four-server stack. */
class CompareCommandTest {

  private static final String DATABASE = "ferry_compare_cli";
  private static MigrationStack stack;

  @TempDir Path reports;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void createData() {
    stack = SharedStack.get();
    stack.recreateDatabase(
        DATABASE,
        Duration.ofSeconds(30),
        "CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100))",
        "INSERT INTO posts SELECT seq, CONCAT('post ', seq) FROM seq_1_to_2000");
  }

  @AfterAll
  static void dropData() {
    stack.dropDatabase(DATABASE, Duration.ofSeconds(30));
  }

  @Test
  void identicalClustersAreGoAndTheReportsAreWritten() throws Exception {
    int exit = run(arguments("--report", reports.toString(), "--max-lag", "5s"));

    assertThat(exit).as("exit code; output:%n%s%s", out, err).isZero();
    assertThat(out.toString()).contains("VERDICT: GO (exit 0)").contains("data ");
    assertThat(Files.readString(reports.resolve("compare-pre.html")))
        .contains("<h1 class=\"go\">GO</h1>");
    assertThat(Files.readString(reports.resolve("compare-pre.json")))
        .contains("\"verdict\"")
        .contains("\"ferryVersion\"")
        .contains("\"max-lag\" : \"5s\"")
        .contains("\"max-load\" : \"Threads_running=25\"")
        .doesNotContain(MigrationStack.ADMIN_PASSWORD);
    assertThat(out.toString() + err).doesNotContain(MigrationStack.ADMIN_PASSWORD);
  }

  @Test
  void rowsChangedOnTheNewSideOnlyAreNoGoAndTheFirstFiveAreListedWithTheirColumns() {
    LocalMariaDb newPrimary = stack.newPrimary();
    newPrimary.execute(
        "SET SESSION sql_log_bin = 0",
        "UPDATE " + DATABASE + ".posts SET title = 'drift' WHERE id IN (3, 5, 7, 1234, 1500)",
        "DELETE FROM " + DATABASE + ".posts WHERE id = 1999");
    try {
      int exit = run(arguments());
      String named = out.toString();
      out.getBuffer().setLength(0);
      run(arguments("--show-values"));
      String shown = out.toString();

      assertThat(exit & 1).as("data bit; output:%n%s%s", named, err).isEqualTo(1);
      assertThat(named)
          .contains("FAIL data / " + DATABASE + ".posts: 6 rows differ")
          .contains(
              "\n    (3) differs in title\n    (5) differs in title\n    (7) differs in title\n"
                  + "    (1234) differs in title\n    (1500) differs in title\n"
                  + "    ... 1 more differing rows in the report\n")
          .contains("VERDICT: NO-GO (exit " + exit)
          .doesNotContain("'drift'");
      assertThat(shown).contains("    (1234) differs in title: 'post 1234' -> 'drift'\n");
    } finally {
      newPrimary.execute(
          "SET SESSION sql_log_bin = 0",
          "UPDATE " + DATABASE + ".posts SET title = CONCAT('post ', id) WHERE title = 'drift'",
          "INSERT INTO " + DATABASE + ".posts VALUES (1999, 'post 1999')");
    }
  }

  @Test
  void dataOnReplicasGivesEachReplicaASectionNamingTheRowsThatDiffer() {
    LocalMariaDb oldReplica = stack.oldReplica();
    oldReplica.execute(
        "SET SESSION sql_log_bin = 0",
        "UPDATE " + DATABASE + ".posts SET title = 'diverged' WHERE id = 42");
    try {
      int exit = run(arguments("--data-on-replicas", "--gtid-wait-timeout", "5s"));

      assertThat(exit).as("data bit only; output:%n%s%s", out, err).isEqualTo(1);
      assertThat(out.toString())
          .contains(
              "  replicas       2 compared with their primaries, 1 with differences or not"
                  + " compared\n")
          .contains(
              "FAIL replica old-replica-1 (old cluster) vs old-primary: 1 of 1 table differs\n"
                  + "  FAIL "
                  + DATABASE
                  + ".posts: 1 rows differ in 1 key range")
          .contains("(rows primary 2,000, replica 2,000)\n    (42) differs in title\n")
          .contains(
              "PASS replica new-replica-1 (new cluster) vs new-primary: 1 table, 2,000 rows"
                  + " identical to new-primary\n")
          .contains("VERDICT: NO-GO (exit 1: data)")
          .doesNotContain("diverged");
    } finally {
      oldReplica.execute(
          "SET SESSION sql_log_bin = 0",
          "UPDATE " + DATABASE + ".posts SET title = 'post 42' WHERE id = 42");
    }
  }

  @Test
  void throttlingOptionsAreCheckedBeforeConnecting() {
    assertThat(run(arguments("--max-load", "Threads_running"))).isEqualTo(64);
    assertThat(err.toString())
        .contains(
            "ferry compare: --max-load: 'Threads_running' is not VARIABLE=NUMBER (e.g."
                + " Threads_running=25)");
    assertThat(run(arguments("--chunk-size-min", "500", "--chunk-size-max", "100"))).isEqualTo(64);
    assertThat(err.toString())
        .contains("ferry compare: --chunk-size-max 100 is smaller than --chunk-size-min 500");
    assertThat(run(arguments("--chunk-time", "fast"))).isEqualTo(64);
    assertThat(err.toString()).contains("'fast' is not a duration");
    assertThat(run(arguments("--chunk-parallelism", "0"))).isEqualTo(64);
    assertThat(err.toString())
        .contains("ferry compare: --chunk-parallelism must be between 1 and 8, was 0");
  }

  @Test
  void theHelpShowsTheLibrarysDefaults() {
    assertThat(run("--help")).isZero();

    ComparisonOptions defaults = ComparisonOptions.defaults();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("Default: " + ComparisonOptions.text(defaults.maxReplicaLag()) + ".")
        .contains("Default: Threads_running=25.")
        .contains("Default: " + ComparisonOptions.text(defaults.chunkTargetTime()) + ".")
        .contains("Most rows per chunk. Default: 200000.")
        .contains("as pt-table-checksum does. Default: " + defaults.chunkParallelism() + ".")
        .contains(
            "--data-on-replicas. Default: "
                + ComparisonOptions.text(defaults.gtidWaitTimeout())
                + ".");
  }

  @Test
  void aBadCommandLineCouldNotFinishAndSaysWhy() {
    int exit = run("--old", "postgres://x@h", "--new", "mysql://u@127.0.0.1:1");

    assertThat(exit).isEqualTo(64);
    assertThat(err.toString().trim())
        .isEqualTo(
            "ferry compare: DSN 'postgres://x@h' is not valid: the scheme must be mysql:// (or"
                + " mariadb://)");
  }

  @Test
  void anUnknownOptionCouldNotFinish() {
    assertThat(run("--old", "u@h", "--new", "u@h", "--frobnicate")).isEqualTo(64);
    assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
  }

  @Test
  void aPostRunPicksUpThePreReportAsItsBaseline() throws Exception {
    assertThat(run(arguments("--report", reports.toString())))
        .as("pre run; output:%n%s%s", out, err)
        .isZero();

    int exit = run(arguments("--phase", "post", "--report", reports.toString()));

    assertThat(out.toString()).contains("Baseline: " + reports.resolve("compare-pre.json"));
    assertThat(out.toString()).contains("baseline ");
    assertThat(exit & 64).as("could-not-finish bit; output:%n%s%s", out, err).isZero();
    assertThat(Files.exists(reports.resolve("compare-post.json"))).isTrue();
  }

  @Test
  void aMissingBaselineFileCouldNotFinishAndNamesTheFile() {
    Path missing = reports.resolve("nope.json");

    int exit = run(arguments("--phase", "post", "--baseline", missing.toString()));

    assertThat(exit).isEqualTo(64);
    assertThat(err.toString()).contains("baseline report").contains(missing.toString());
  }

  @Test
  void aDurationIsWrittenAsInTheYamlConfig() {
    int exit = run(arguments("--max-lag", "PT5S"));

    assertThat(exit).isEqualTo(64);
    assertThat(err.toString())
        .contains("--max-lag")
        .contains("'PT5S' is not a duration: write it as 500ms, 5s, 2m or 1h");
  }

  @Test
  void anUnsetPasswordVariableIsNamedInsteadOfAskingTheServers() {
    int exit = run(Map.of(CompareCommand.NEW_PASSWORD_VARIABLE, "x"), arguments());

    assertThat(exit).isEqualTo(64);
    assertThat(err.toString())
        .startsWith("ferry compare: FERRY_OLD_PASSWORD is not set, and neither the DSN")
        .doesNotContain("Access denied");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aWrongPasswordIsReportedOncePerEndpointAndNothingIsCompared() {
    int exit =
        run(
            Map.of(
                CompareCommand.OLD_PASSWORD_VARIABLE,
                "wrong",
                CompareCommand.NEW_PASSWORD_VARIABLE,
                MigrationStack.ADMIN_PASSWORD),
            arguments());

    assertThat(exit).as("output:%n%s%s", out, err).isEqualTo(64);
    String output = out.toString();
    assertThat(output.split("Access denied", -1)).as(output).hasSize(3);
    assertThat(output)
        .contains("FAIL access / old-primary: cannot connect to old-primary (primary)")
        .contains("FAIL access / old-replica-1: cannot connect to old-replica-1 (replica)")
        .doesNotContain("FAIL schema")
        .contains("  data           no table compared")
        .contains("VERDICT: NO-GO (exit 64: could not finish)");
  }

  @Test
  void theSameServerThroughAnotherAddressIsRefused() {
    int port = stack.oldPrimary().port();
    int exit =
        run(
            "--old",
            "mysql://" + MigrationStack.ADMIN_USER + "@127.0.0.1:" + port,
            "--new",
            "mysql://" + MigrationStack.ADMIN_USER + "@localhost:" + port,
            "--include",
            DATABASE,
            "--no-progress");

    assertThat(exit).as("output:%n%s%s", out, err).isEqualTo(64);
    assertThat(out.toString())
        .contains(
            "FAIL access / same server twice: old-primary and new-primary are the same server")
        .contains("a server compared with itself proves nothing");
  }

  @Test
  void credentialsComeFromAnOptionFile() throws Exception {
    Path options = reports.resolve("client.cnf");
    Files.writeString(
        options,
        "[client]\nuser = "
            + MigrationStack.ADMIN_USER
            + "\npassword = "
            + MigrationStack.ADMIN_PASSWORD
            + "\nssl-mode = DISABLED\n");
    int exit =
        run(
            Map.of(),
            "--defaults-file",
            options.toString(),
            "--old",
            "127.0.0.1:" + stack.oldPrimary().port(),
            "--new",
            "127.0.0.1:" + stack.newPrimary().port(),
            "--include",
            DATABASE,
            "--no-progress");

    assertThat(exit).as("output:%n%s%s", out, err).isZero();
    assertThat(out.toString()).contains("data ").contains("1 tables, 2,000 rows");
  }

  @Test
  void printGrantsPrintsTheStatementTheRunChecksFor() {
    int exit = run("--print-grants", "--old", "mysql://cutover@db1");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains(
            "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, PROCESS, SLAVE MONITOR ON *.* TO"
                + " 'cutover'@'%';")
        .contains("--   TRIGGER          to read triggers");
  }

  private String[] arguments(String... more) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of("--old", dsn(stack.oldPrimary()), "--old-replica", dsn(stack.oldReplica())));
    args.addAll(
        List.of("--new", dsn(stack.newPrimary()), "--new-replica", dsn(stack.newReplica())));
    args.addAll(List.of("--include", DATABASE, "--no-progress"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static String dsn(LocalMariaDb server) {
    return "mysql://" + MigrationStack.ADMIN_USER + "@127.0.0.1:" + server.port();
  }

  private int run(String... args) {
    return run(
        Map.of(
            CompareCommand.OLD_PASSWORD_VARIABLE, MigrationStack.ADMIN_PASSWORD,
            CompareCommand.NEW_PASSWORD_VARIABLE, MigrationStack.ADMIN_PASSWORD),
        args);
  }

  private int run(Map<String, String> env, String... args) {
    var command = new CommandLine(new CompareCommand(env::get));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
