package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.onNewPrimaryOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the same data and drift, the tables Percona Toolkit's {@code pt-table-checksum} flags are the
 * tables Ferry flags.
 */
class PerconaDifferentialTest {

  private static final String DB = "cut_pt";
  private static final String TOOL = "pt-table-checksum";

  @TempDir Path dir;

  @Test
  void flagsTheSameTablesAsPtTableChecksum() throws Exception {
    assumeTrue(onPath(TOOL), "pt-table-checksum (Debian percona-toolkit) is installed");
    List<String> setup = new ArrayList<>();
    for (String table : List.of("t_same", "t_changed", "t_deleted", "t_inserted")) {
      setup.add("CREATE TABLE " + table + " (id INT PRIMARY KEY, s VARCHAR(20))");
      setup.add("INSERT INTO " + table + " SELECT seq, CONCAT('row', seq) FROM seq_1_to_3000");
    }
    setup.add("CREATE TABLE t_keyless (n INT, s VARCHAR(20))");
    setup.add("INSERT INTO t_keyless SELECT seq, CONCAT('row', seq) FROM seq_1_to_500");
    createDatabase(DB, setup.toArray(String[]::new));
    LocalMariaDb oldPrimary = StackFixture.stack().oldPrimary();
    LocalMariaDb newPrimary = StackFixture.stack().newPrimary();
    try {
      onNewPrimaryOnly(
          DB,
          "UPDATE t_changed SET s = 'drift' WHERE id = 1500",
          "DELETE FROM t_deleted WHERE id = 10",
          "INSERT INTO t_inserted VALUES (5000, 'extra')");
      oldPrimary.execute(
          "CREATE DATABASE percona",
          "CREATE TABLE percona.dsns (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT,"
              + " dsn VARCHAR(255) NOT NULL)",
          "INSERT INTO percona.dsns (dsn) VALUES ('" + dsn(newPrimary) + "')");

      int exit = runPtTableChecksum(oldPrimary);
      StackFixture.awaitReplication();
      Set<String> flaggedByPercona = flaggedByPercona(newPrimary);

      Set<String> flaggedByFerry =
          DataComparatorTest.compare(
                  ComparisonOptions.builder()
                      .tableFilter(new TableFilter(List.of(DB), List.of()))
                      .build())
              .stream()
              .filter(table -> table.status() == Status.FAIL)
              .map(TableDataResult::table)
              .collect(Collectors.toCollection(TreeSet::new));

      assertThat(exit & 16).as("pt-table-checksum exit code %d: DIFFS bit", exit).isEqualTo(16);
      assertThat(flaggedByPercona).containsExactly("t_changed", "t_deleted", "t_inserted");
      assertThat(flaggedByFerry).isEqualTo(flaggedByPercona);
    } finally {
      dropDatabase("percona");
      dropDatabase(DB);
    }
  }

  private int runPtTableChecksum(LocalMariaDb oldPrimary) throws IOException, InterruptedException {
    Path output = dir.resolve("pt-table-checksum.out");
    Process process =
        new ProcessBuilder(
                TOOL,
                "--no-version-check",
                "--no-check-binlog-format",
                "--databases=" + DB,
                "--replicate=percona.checksums",
                "--recursion-method=dsn=D=percona,t=dsns",
                dsn(oldPrimary))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "pt-table-checksum did not finish in 120 s: " + Files.readString(output));
    }
    return process.exitValue();
  }

  private static Set<String> flaggedByPercona(LocalMariaDb replica) throws Exception {
    Set<String> tables = new TreeSet<>();
    try (Connection connection = replica.connectAdmin();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT DISTINCT tbl FROM percona.checksums WHERE db = '"
                    + DB
                    + "' AND (master_cnt <> this_cnt OR master_crc <> this_crc"
                    + " OR ISNULL(master_crc) <> ISNULL(this_crc))")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    return tables;
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
  }

  private static String dsn(LocalMariaDb server) {
    return "h=127.0.0.1,P="
        + server.port()
        + ",u="
        + MigrationStack.ADMIN_USER
        + ",p="
        + MigrationStack.ADMIN_PASSWORD;
  }
}
