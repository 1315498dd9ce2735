package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ClusterTopology;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.mysqlfacts.ServerDialect;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rows verified per second on a table of one million rows, four ways on the same servers and data
 * in the same run: Ferry's data comparison, its comparison of the old replica with the old primary
 * ({@code --data-on-replicas}, GTID-aligned), {@code pt-table-checksum}, and one full-table hash
 * scan on each side in parallel (the floor for any comparison that reads every row, using the same
 * row hash as Ferry). Each is run {@value #RUNS} times, interleaved, and the median is reported.
 * Opt-in, as it loads a million rows:
 *
 * <pre>mvn -o -q -B -pl cutover test -Dtest=DataComparisonBenchmark -Dferry.benchmark=true</pre>
 *
 * <p>Writes its figures, the machine and the versions to {@code target/benchmarks/cutover.md}.
 */
@EnabledIfSystemProperty(named = "ferry.benchmark", matches = "true")
class DataComparisonBenchmark {

  private static final String DB = "cut_bench";
  private static final int ROWS = 1_000_000;
  private static final int RUNS = 3;

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
      String version = scan(oldPrimary, "SELECT @@version");
      RowHash hash =
          RowHash.commonTo(
              ServerDialect.parse(version),
              ServerDialect.parse(scan(newPrimary, "SELECT @@version")));
      String scanSql =
          "SELECT CONCAT(COUNT(*), '/', SUM("
              + ChunkSql.rowHash(hash, encodingUse(oldPrimary, hash), shape())
              + ")) FROM "
              + DB
              + ".orders";
      double loadBefore = loadAverage();
      scanBoth(oldPrimary, newPrimary, scanSql);

      List<Long> scanNanos = new ArrayList<>();
      List<Long> ferryNanos = new ArrayList<>();
      List<Long> perconaNanos = new ArrayList<>();
      List<Long> replicaNanos = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        scanNanos.add(timed(() -> scanBoth(oldPrimary, newPrimary, scanSql)));
        ferryNanos.add(timed(DataComparisonBenchmark::compareWithFerry));
        replicaNanos.add(timed(DataComparisonBenchmark::compareTheOldReplicaWithFerry));
        perconaNanos.add(timed(() -> assertThat(runPtTableChecksum(oldPrimary)).isZero()));
        // pt-table-checksum's statements are re-run by every replica; let them finish first
        StackFixture.awaitReplication();
      }
      String hashCost = rowHashCost(oldPrimary);
      double loadAfter = loadAverage();

      Path report = Path.of("target", "benchmarks", "cutover.md");
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          String.format(
              Locale.ROOT,
              "| method | median s | rows/s | runs (s) |%n| --- | ---: | ---: | --- |%n%s%s%s%s%n"
                  + "- rows: %d; row hash: %s%n"
                  + "- machine: %d cores; load average %.2f before, %.2f after%n"
                  + "- server: %s; %s; Java %s%n%n"
                  + "Row hash cost: one full scan of the table on the old primary alone,"
                  + " median of %d runs%n%n%s",
              line("full-table hash scan, both sides in parallel", scanNanos),
              line("Ferry DataComparator", ferryNanos),
              line(
                  "Ferry ReplicaDataComparator, old replica with its primary (GTID-aligned)",
                  replicaNanos),
              line("pt-table-checksum", perconaNanos),
              ROWS,
              hash,
              Runtime.getRuntime().availableProcessors(),
              loadBefore,
              loadAfter,
              version,
              commandOutput("pt-table-checksum", "--version"),
              Runtime.version(),
              RUNS,
              hashCost));
    } finally {
      dropDatabase("percona");
      dropDatabase(DB);
    }
  }

  /**
   * Seconds one server takes to scan the table computing {@code COUNT(*)} only, then each row hash
   * over the current row encoding ({@link ChunkSql#rowEncoding}) built for each use, over the
   * earlier {@code QUOTE} encoding, and either built once per row (where that is a different
   * expression) or the first encoding with NULL flags and text lengths; the variants take turns,
   * and the median of each is reported.
   */
  private static String rowHashCost(LocalMariaDb server) {
    String quoted =
        "CONCAT_WS('#', "
            + shape().columns().stream().map(Column::shownText).collect(Collectors.joining(", "))
            + ")";
    String flagsAndLengths =
        "CONCAT_WS('#', id, customer, qty, placed, total,"
            + " CONCAT(ISNULL(customer), ISNULL(qty), ISNULL(placed), ISNULL(total)),"
            + " CONCAT_WS(',', OCTET_LENGTH(customer)))";
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("| none (COUNT(*) only) | - |", "0");
    for (RowHash hash : RowHash.values()) {
      variants.put(
          "| " + hash + " | lengths, binary |",
          ChunkSql.rowHash(hash, EncodingUse.EACH_USE, shape()));
      variants.put("| " + hash + " | QUOTE (before) |", hash.of(quoted));
      if (hash.ofEncodedOnce("x").equals(hash.of("x"))) {
        variants.put("| " + hash + " | NULL flags and lengths |", hash.of(flagsAndLengths));
      } else {
        variants.put(
            "| " + hash + " | lengths, binary, built once per row |",
            ChunkSql.rowHash(hash, EncodingUse.ONCE_PER_ROW, shape()));
        variants.put(
            "| " + hash + " | QUOTE, built once per row (before) |", hash.ofEncodedOnce(quoted));
      }
    }
    Map<String, List<Long>> nanos = new LinkedHashMap<>();
    for (int run = 0; run < RUNS; run++) {
      for (Map.Entry<String, String> variant : variants.entrySet()) {
        String sql =
            "SELECT CONCAT(COUNT(*), '/', SUM(" + variant.getValue() + ")) FROM " + DB + ".orders";
        long started = System.nanoTime();
        scan(server, sql);
        nanos
            .computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
            .add(System.nanoTime() - started);
      }
    }
    StringBuilder table =
        new StringBuilder(
            String.format("| row hash | row encoding | seconds |%n| --- | --- | ---: |%n"));
    nanos.forEach(
        (variant, times) ->
            table.append(
                String.format(Locale.ROOT, "%s %.2f |%n", variant, seconds(median(times)))));
    return table.toString();
  }

  private static EncodingUse encodingUse(LocalMariaDb server, RowHash hash) throws Exception {
    try (Connection connection = server.connectAdmin()) {
      return EncodingUse.of(connection, hash);
    }
  }

  private static long median(List<Long> nanos) {
    return nanos.stream().sorted().toList().get(nanos.size() / 2);
  }

  private static void compareWithFerry() throws Exception {
    TableDataResult result =
        DataComparatorTest.compare(
                ComparisonOptions.builder()
                    .tableFilter(new TableFilter(List.of(DB), List.of()))
                    .build())
            .get(0);
    assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
    assertThat(result.rowsOld()).isEqualTo(ROWS);
  }

  /**
   * {@code --data-on-replicas} for one pair, the old replica with the old primary: every chunk read
   * in a snapshot on the primary, then on the replica once it has applied the primary's position.
   */
  private static void compareTheOldReplicaWithFerry() throws Exception {
    var stack = StackFixture.topology();
    var oldReplicaOnly = new ClusterTopology(stack.oldNodes(), List.of(stack.newPrimary()));
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(10), Duration.ofMinutes(5))) {
      ReplicaDataResult result =
          new ReplicaDataComparator(
                  oldReplicaOnly,
                  ComparisonOptions.builder()
                      .tableFilter(new TableFilter(List.of(DB), List.of()))
                      .build(),
                  connections,
                  0)
              .compare()
              .get(0);
      assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
      assertThat(result.tables().get(0).rowsNew()).isEqualTo(ROWS);
    }
  }

  private static String line(String method, List<Long> nanos) {
    double median = seconds(median(nanos));
    return String.format(
        Locale.ROOT,
        "| %s | %.2f | %.0f | %s |%n",
        method,
        median,
        ROWS / median,
        nanos.stream()
            .map(n -> String.format(Locale.ROOT, "%.2f", seconds(n)))
            .collect(Collectors.joining(", ")));
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

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
      return rows.getString(1);
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

  private static String commandOutput(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return output.strip();
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
