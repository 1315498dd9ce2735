package io.ferry.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    int exit = run(arguments("--report", reports.toString()));

    assertThat(exit).as("exit code; output:%n%s%s", out, err).isZero();
    assertThat(out.toString()).contains("VERDICT: GO (exit 0)").contains("data ");
    assertThat(Files.readString(reports.resolve("compare-pre.html")))
        .contains("<h1 class=\"go\">GO</h1>");
    assertThat(Files.readString(reports.resolve("compare-pre.json"))).contains("\"verdict\"");
    assertThat(out.toString() + err).doesNotContain(MigrationStack.ADMIN_PASSWORD);
  }

  @Test
  void aRowChangedOnTheNewSideOnlyIsNoGoWithTheDataBit() {
    LocalMariaDb newPrimary = stack.newPrimary();
    newPrimary.execute(
        "SET SESSION sql_log_bin = 0",
        "UPDATE " + DATABASE + ".posts SET title = 'drift' WHERE id = 1234");
    try {
      int exit = run(arguments());

      assertThat(exit & 1).as("data bit; output:%n%s%s", out, err).isEqualTo(1);
      assertThat(out.toString())
          .contains("FAIL data / " + DATABASE + ".posts")
          .contains("VERDICT: NO-GO (exit " + exit);
    } finally {
      newPrimary.execute(
          "SET SESSION sql_log_bin = 0",
          "UPDATE " + DATABASE + ".posts SET title = 'post 1234' WHERE id = 1234");
    }
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
    Map<String, String> env =
        Map.of(
            CompareCommand.OLD_PASSWORD_VARIABLE, MigrationStack.ADMIN_PASSWORD,
            CompareCommand.NEW_PASSWORD_VARIABLE, MigrationStack.ADMIN_PASSWORD);
    var command = new CommandLine(new CompareCommand(env::get));
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }
}
