package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rows verified per second on a table of one million rows: Ferry's data comparison, {@code
 * pt-table-checksum} on the same servers and data, and one full-table hash scan on each side (the
 * floor for any comparison that reads every row). Opt-in, as it loads a million rows:
 *
 * <pre>mvn -o -q -B -pl cutover test -Dtest=DataComparisonBenchmark -Dferry.benchmark=true</pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/cutover.md}.
 */
@EnabledIfSystemProperty(named = "ferry.benchmark", matches = "true")
class DataComparisonBenchmark {

  private static final String DB = "cut_bench";
  private static final int ROWS = 1_000_000;

  @Test
  void rowsVerifiedPerSecond() throws Exception {
    createDatabase(
        DB,
        "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40), qty INT,"
            + " placed DATETIME, total DECIMAL(10,2))",
        "INSERT INTO orders SELECT seq, CONCAT('customer-', seq MOD 5000), seq MOD 17,"
            + " '2024-01-01' + INTERVAL (seq MOD 100000) MINUTE, (seq MOD 10000) / 7"
            + " FROM seq_1_to_"
            + ROWS);
    LocalMariaDb oldPrimary = StackFixture.stack().oldPrimary();
    LocalMariaDb newPrimary = StackFixture.stack().newPrimary();
    try {
      oldPrimary.execute(
          "CREATE DATABASE percona",
          "CREATE TABLE percona.dsns (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT,"
              + " dsn VARCHAR(255) NOT NULL)",
          "INSERT INTO percona.dsns (dsn) VALUES ('" + dsn(newPrimary) + "')");
      StackFixture.awaitReplication();
      String scanSql =
          "SELECT COUNT(*), SUM(" + ChunkSql.rowHash(shape()) + ") FROM " + DB + ".orders";
      scanBoth(oldPrimary, newPrimary, scanSql);

      long scanNanos = timed(() -> scanBoth(oldPrimary, newPrimary, scanSql));
      long ferryNanos =
          timed(
              () -> {
                TableDataResult result =
                    DataComparatorTest.compare(
                            ComparisonOptions.builder()
                                .tableFilter(new TableFilter(List.of(DB), List.of()))
                                .build())
                        .get(0);
                assertThat(result.status()).isEqualTo(Status.PASS);
                assertThat(result.rowsOld()).isEqualTo(ROWS);
              });
      long perconaNanos = timed(() -> assertThat(runPtTableChecksum(oldPrimary)).isZero());

      Path report = Path.of("target", "benchmarks", "cutover.md");
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          String.format(
              Locale.ROOT,
              "| method | seconds | rows/s |%n| --- | ---: | ---: |%n"
                  + "| full-table hash scan, both sides in parallel | %.2f | %.0f |%n"
                  + "| Ferry DataComparator (chunked, adaptive) | %.2f | %.0f |%n"
                  + "| pt-table-checksum 3.2.1 | %.2f | %.0f |%n",
              seconds(scanNanos),
              ROWS / seconds(scanNanos),
              seconds(ferryNanos),
              ROWS / seconds(ferryNanos),
              seconds(perconaNanos),
              ROWS / seconds(perconaNanos)));
    } finally {
      oldPrimary.execute("DROP DATABASE IF EXISTS percona");
      dropDatabase(DB);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private static long timed(Work work) throws Exception {
    long started = System.nanoTime();
    work.run();
    return System.nanoTime() - started;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static TableShape shape() {
    return new TableShape(
        DB,
        "orders",
        List.of(
            new Column("id", "int", false, false),
            new Column("customer", "varchar", true, false),
            new Column("qty", "int", true, false),
            new Column("placed", "datetime", true, false),
            new Column("total", "decimal", true, false)),
        List.of(new Column("id", "int", false, false)));
  }

  private static void scanBoth(LocalMariaDb a, LocalMariaDb b, String sql) throws Exception {
    CompletableFuture<String> onA = CompletableFuture.supplyAsync(() -> scan(a, sql));
    CompletableFuture<String> onB = CompletableFuture.supplyAsync(() -> scan(b, sql));
    assertThat(onA.get()).isEqualTo(onB.get());
  }

  private static String scan(LocalMariaDb server, String sql) {
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1) + "/" + rows.getString(2);
    } catch (Exception e) {
      throw new IllegalStateException(server.name() + ": " + e.getMessage(), e);
    }
  }

  private static int runPtTableChecksum(LocalMariaDb oldPrimary) throws Exception {
    Path output = Path.of("target", "benchmarks", "pt-table-checksum.out");
    Files.createDirectories(output.getParent());
    Process process =
        new ProcessBuilder(
                "pt-table-checksum",
                "--no-version-check",
                "--no-check-binlog-format",
                "--databases=" + DB,
                "--replicate=percona.checksums",
                "--recursion-method=dsn=D=percona,t=dsns",
                dsn(oldPrimary))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(600, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pt-table-checksum did not finish in 600 s");
    }
    return process.exitValue();
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
