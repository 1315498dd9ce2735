package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.testkit.LocalMariaDb;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What chunks re-checked because of writes in flight cost, and what the ways to make them cheaper
 * cost in turn. Two parts, on a table of the {@link WorkloadLatencyBenchmark}'s shape:
 *
 * <ol>
 *   <li>Re-checks: the primaries' comparison runs again and again while the same workload (point
 *       reads and single-row updates at a fixed rate on the old primary) writes, each primary
 *       starting its chunks as soon as it is free (as before) and both primaries starting each
 *       chunk together (as now), in turn; per run the chunks re-checked, the rows they held (the
 *       rows hashed a second time on each side) and the duration.
 *   <li>Sub-range checksums: the server CPU time of one full-table hash scan on the old primary
 *       alone (no workload), as Ferry's chunk statement does it and with the partial aggregates
 *       that would let a differing chunk re-check only the sub-ranges that differ: 16 key buckets
 *       by {@code GROUP BY}, 15 conditional sums over cumulative key bounds, or one more sum
 *       weighted by the key (which locates a single differing row).
 * </ol>
 *
 * <p>Not part of the build's tests; run on a quiet machine with {@code mvn -o -q -B -pl cutover
 * test -Dtest=RecheckBenchmark -Dferry.benchmark=true}; {@code -Dferry.benchmark.rows=N} (default
 * 1,000,000), {@code -Dferry.benchmark.opsPerSecond=N} (200) and {@code -Dferry.benchmark.runs=N}
 * (6) change the table size, the workload's rate and the runs of each variant. Writes {@code
 * target/benchmarks/cutover-recheck.md}.
 */
@EnabledIfSystemProperty(named = "ferry.benchmark", matches = "true")
class RecheckBenchmark {

  private static final String DB = "cut_bench_recheck";
  private static final int ROWS = Integer.getInteger("ferry.benchmark.rows", 1_000_000);
  private static final int OPS_PER_SECOND = Integer.getInteger("ferry.benchmark.opsPerSecond", 200);
  private static final int RUNS = Integer.getInteger("ferry.benchmark.runs", 6);
  private static final int BUCKETS = 16;

  /** One comparison run. */
  private record Run(double seconds, int chunks, int rechecks, long rowsRechecked) {}

  @Test
  void rechecksUnderWritesAndTheCostOfSubRangeChecksums() throws Exception {
    createDatabase(DB, OrdersTable.statements(ROWS));
    try {
      StackFixture.awaitReplication();
      Map<ChunkInFlight.Start, List<Run>> runs = new LinkedHashMap<>();
      runs.put(ChunkInFlight.Start.EACH_WHEN_FREE, new ArrayList<>());
      runs.put(ChunkInFlight.Start.TOGETHER, new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      CompletableFuture<OrdersTable.WorkloadRun> workload =
          CompletableFuture.supplyAsync(
              () ->
                  OrdersTable.workload(
                      StackFixture.stack().oldPrimary(), DB, ROWS, OPS_PER_SECOND, stop));
      long started = System.nanoTime();
      try {
        for (int run = 0; run < RUNS; run++) {
          // alternate which goes first, so that neither always follows the other
          List<ChunkInFlight.Start> order = new ArrayList<>(runs.keySet());
          if (run % 2 == 1) {
            Collections.reverse(order);
          }
          for (ChunkInFlight.Start start : order) {
            runs.get(start).add(compare(start));
          }
        }
      } finally {
        stop.set(true);
      }
      long updates = workload.get(60, TimeUnit.SECONDS).updates();
      double updatesPerSecond = updates / ((System.nanoTime() - started) / 1e9);

      String scans = subRangeScans();
      StringBuilder text = new StringBuilder();
      text.append(
          "| chunk start | runs (s) | chunks per run | chunks re-checked per run | rows re-checked"
              + " per run (each side) | re-checked in all |\n"
              + "| --- | --- | --- | --- | --- | ---: |\n");
      runs.forEach(
          (start, list) ->
              text.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %s | %s | %s | %s | %d chunks, %,d rows |%n",
                      start,
                      join(list, r -> String.format(Locale.ROOT, "%.2f", r.seconds())),
                      join(list, r -> Integer.toString(r.chunks())),
                      join(list, r -> Integer.toString(r.rechecks())),
                      join(list, r -> String.format(Locale.ROOT, "%,d", r.rowsRechecked())),
                      list.stream().mapToInt(Run::rechecks).sum(),
                      list.stream().mapToLong(Run::rowsRechecked).sum())));
      text.append(
          String.format(
              Locale.ROOT,
              "%n- rows: %,d; workload: %d ops/s on the old primary, half point reads, half"
                  + " single-row updates (%.1f updates/s measured); %d runs of each, in turn%n%n",
              ROWS,
              OPS_PER_SECOND,
              updatesPerSecond,
              RUNS));
      text.append(scans);
      text.append(
          String.format(
              Locale.ROOT,
              "%n- machine: %d cores; load average %.2f at the end%n",
              Runtime.getRuntime().availableProcessors(),
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
      Path report = Path.of("target", "benchmarks", "cutover-recheck.md");
      Files.createDirectories(report.getParent());
      Files.writeString(report, text.toString());
    } finally {
      dropDatabase(DB);
    }
  }

  /**
   * One comparison of the table; the rows re-checked are the chunks' rows, from the chunks' mean
   * size (re-checks happen anywhere in the table, and chunks differ in size only while the first
   * ones adapt).
   */
  private static Run compare(ChunkInFlight.Start start) throws Exception {
    ComparisonOptions options =
        ComparisonOptions.builder()
            .tableFilter(new TableFilter(List.of(DB), List.of()))
            .gtidWaitTimeout(Duration.ofSeconds(10))
            .build();
    long began = System.nanoTime();
    TableDataResult result;
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(60))) {
      result =
          new DataComparator(StackFixture.topology(), options, connections, start).compare().get(0);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    // the workload's updates are in flight between the primaries: re-checks, not drift
    assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
    assertThat(result.rowsOld()).isEqualTo(ROWS);
    long perChunk = result.rowsOld() / Math.max(1, result.chunks());
    return new Run(seconds, result.chunks(), result.rechecks(), result.rechecks() * perChunk);
  }

  /** The CPU time of each variant of the full-table scan on the old primary, median of the runs. */
  private static String subRangeScans() throws Exception {
    LocalMariaDb server = StackFixture.stack().oldPrimary();
    TableShape shape;
    try (Connection connection = server.connectAdmin()) {
      shape = new TableShapeReader().shape(connection, DB, "orders").orElseThrow();
    }
    String hash = ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.ONCE_PER_ROW, shape);
    String from = " FROM " + shape.quotedName() + " FORCE INDEX (PRIMARY)";
    int step = (ROWS + BUCKETS - 1) / BUCKETS;
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put(
        "Ferry's chunk statement: COUNT(*), SUM(row hash)",
        ChunkSql.checksum(
            RowHash.CRC32_PAIR, EncodingUse.ONCE_PER_ROW, shape, ChunkRange.WHOLE_TABLE));
    variants.put(
        BUCKETS + " key buckets: GROUP BY (id - 1) DIV " + step,
        "SELECT (id - 1) DIV "
            + step
            + ", COUNT(*), SUM("
            + hash
            + ")"
            + from
            + " GROUP BY 1 ORDER BY NULL");
    variants.put(
        (BUCKETS - 1) + " conditional sums: SUM(IF(id <= bound, row hash, 0)) each",
        "SELECT COUNT(*), SUM(@ferry_h := "
            + hash
            + "), "
            + IntStream.range(1, BUCKETS)
                .mapToObj(b -> "SUM(IF(id <= " + (b * step) + ", @ferry_h, 0))")
                .collect(Collectors.joining(", "))
            + from);
    variants.put(
        "one sum weighted by the key: SUM(id * (row hash & 0xFFFFFFFF))",
        "SELECT COUNT(*), SUM(@ferry_h := " + hash + "), SUM(id * (@ferry_h & 4294967295))" + from);
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    variants.keySet().forEach(name -> cpu.put(name, new ArrayList<>()));
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement()) {
      statement.executeQuery(variants.values().iterator().next()).close();
      for (int run = 0; run < 3; run++) {
        for (Map.Entry<String, String> variant : variants.entrySet()) {
          Duration before = cpu(server);
          try (ResultSet rows = statement.executeQuery(variant.getValue())) {
            long count = 0;
            while (rows.next()) {
              count += rows.getLong(variant.getKey().startsWith(BUCKETS + " key") ? 2 : 1);
            }
            assertThat(count).as(variant.getKey()).isEqualTo(ROWS);
          }
          cpu.get(variant.getKey()).add(cpu(server).minus(before).toNanos() / 1e9);
        }
      }
    }
    double base = median(cpu.values().iterator().next());
    StringBuilder text =
        new StringBuilder(
            "| full-table scan on the old primary alone | CPU s, median | runs (CPU s) | per row"
                + " above Ferry's statement |\n| --- | ---: | --- | ---: |\n");
    cpu.forEach(
        (name, values) ->
            text.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %s | %+.0f ns (%+.0f %%) |%n",
                    name,
                    median(values),
                    values.stream()
                        .map(v -> String.format(Locale.ROOT, "%.2f", v))
                        .collect(Collectors.joining(", ")),
                    (median(values) - base) * 1e9 / ROWS,
                    (median(values) / base - 1) * 100)));
    return text.toString();
  }

  private static Duration cpu(LocalMariaDb server) {
    return ProcessHandle.of(server.pid())
        .flatMap(process -> process.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException(server.name() + ": no CPU time readable"));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String join(List<Run> runs, Function<Run, String> field) {
    return runs.stream().map(field).collect(Collectors.joining(", "));
  }
}
