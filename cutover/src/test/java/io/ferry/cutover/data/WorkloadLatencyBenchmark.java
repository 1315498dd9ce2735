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
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What a comparison costs the application: a steady OLTP workload on the old primary (point reads
 * and single-row updates at a fixed rate, autocommit) is timed with no comparison running, while
 * Ferry's data comparison runs, and while pt-table-checksum runs (its statements re-run by every
 * replica, as in production), in the same run, on a table larger than the InnoDB buffer pool (3
 * million rows of about 120 bytes against the test kit's 32 MiB pool). Three floor phases show what
 * any comparison that reads every row on both primaries costs here: one {@code COUNT(*)} scan and
 * one full-table hash scan (Ferry's chunk statement over the whole table, with Ferry's row encoding
 * and with the {@code QUOTE} encoding it used before) on both primaries in parallel. Three more
 * read the table in fixed chunks with Ferry's statement alone (see {@link #chunkedScans}): what
 * chunking, starting both sides together and two lanes each cost or save. The phases run in turn,
 * {@code runs} times; for each phase: the median duration and rows per second, the workload's p50,
 * p99 and max latency over all runs, the largest replica lag seen, the CPU time the primaries, the
 * replicas and this JVM (Ferry and the workload driver) used, and this JVM's peak heap. Opt-in:
 *
 * <pre>
 * mvn -o -q -B -pl cutover test -Dtest=WorkloadLatencyBenchmark -Dferry.benchmark=true
 * </pre>
 *
 * <p>{@code -Dferry.benchmark.rows=N} changes the table size, {@code
 * -Dferry.benchmark.opsPerSecond=N} the workload's rate (default 200), {@code
 * -Dferry.benchmark.baselineSeconds=N} how long the workload runs alone (default 30), {@code
 * -Dferry.benchmark.runs=N} how many times each phase runs (default 3). Writes {@code
 * target/benchmarks/cutover-workload.md}.
 */
@EnabledIfSystemProperty(named = "ferry.benchmark", matches = "true")
class WorkloadLatencyBenchmark {

  private static final String DB = "cut_bench_load";
  private static final int ROWS = Integer.getInteger("ferry.benchmark.rows", 3_000_000);
  private static final int OPS_PER_SECOND = Integer.getInteger("ferry.benchmark.opsPerSecond", 200);
  private static final Duration BASELINE =
      Duration.ofSeconds(Integer.getInteger("ferry.benchmark.baselineSeconds", 30));
  private static final int RUNS = Integer.getInteger("ferry.benchmark.runs", 3);

  /** Chunks of the chunked hash scan phases: about as many as Ferry's 100 ms chunks make here. */
  private static final int CHUNKS = 40;

  private static final int FERRY = 7;
  private static final int PT = 8;

  @Test
  void workloadLatencyWithoutDuringFerryAndDuringPtTableChecksum() throws Exception {
    createDatabase(DB, OrdersTable.statements(ROWS));
    MigrationStack stack = StackFixture.stack();
    LocalMariaDb oldPrimary = stack.oldPrimary();
    try {
      oldPrimary.execute(
          "CREATE DATABASE percona",
          "CREATE TABLE percona.dsns (id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT,"
              + " dsn VARCHAR(255) NOT NULL)",
          "INSERT INTO percona.dsns (dsn) VALUES ('"
              + dsn(stack.newPrimary())
              + "'), ('"
              + dsn(stack.oldReplica())
              + "')");
      StackFixture.awaitReplication();
      oldPrimary.execute("ANALYZE TABLE " + DB + ".orders");
      String tableSize =
          StackFixture.query(
              oldPrimary,
              "SELECT CONCAT(ROUND((DATA_LENGTH + INDEX_LENGTH) / 1048576), ' MiB / pool ',"
                  + " @@innodb_buffer_pool_size DIV 1048576, ' MiB') FROM information_schema.TABLES"
                  + " WHERE TABLE_SCHEMA = '"
                  + DB
                  + "' AND TABLE_NAME = 'orders'");
      double loadBefore = loadAverage();
      TableShape shape = shape(oldPrimary);
      String countScan = "SELECT COUNT(*), 0 FROM " + shape.quotedName();
      String hashScanQuoted =
          "SELECT COUNT(*), COALESCE(SUM("
              + RowHash.CRC32_PAIR.ofEncodedOnce(
                  "CONCAT_WS('#', "
                      + shape.columns().stream()
                          .map(Column::shownText)
                          .collect(Collectors.joining(", "))
                      + ")")
              + "), 0) FROM "
              + shape.quotedName()
              + " FORCE INDEX (PRIMARY)";
      String hashScanOnce =
          ChunkSql.checksum(
              RowHash.CRC32_PAIR, EncodingUse.ONCE_PER_ROW, shape, ChunkRange.WHOLE_TABLE);

      List<PhaseRuns> phases =
          List.of(
              new PhaseRuns("no comparison", false),
              new PhaseRuns("floor: COUNT(*) scan, both primaries in parallel", true),
              new PhaseRuns("floor: full-table hash scan, QUOTE encoding (before)", true),
              new PhaseRuns("floor: full-table hash scan, lengths and binary encoding", true),
              new PhaseRuns(
                  "chunked hash scans (" + CHUNKS + " fixed chunks), each primary when free", true),
              new PhaseRuns(
                  "chunked hash scans (" + CHUNKS + " fixed chunks), both starting each together",
                  true),
              new PhaseRuns(
                  "chunked hash scans (" + CHUNKS + " fixed chunks), together, two lanes", true),
              new PhaseRuns("ferry compare (DataComparator, defaults)", true),
              new PhaseRuns("pt-table-checksum (defaults)", true));
      List<TableDataResult> ferryRuns = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        phases.get(0).add(measure(stack, () -> Thread.sleep(BASELINE.toMillis())));
        phases.get(1).add(measure(stack, () -> scanBoth(stack, countScan)));
        phases.get(2).add(measure(stack, () -> scanBoth(stack, hashScanQuoted)));
        phases.get(3).add(measure(stack, () -> scanBoth(stack, hashScanOnce)));
        phases
            .get(4)
            .add(
                measure(
                    stack,
                    () -> chunkedScans(stack, shape, ChunkInFlight.Start.EACH_WHEN_FREE, 1)));
        phases
            .get(5)
            .add(measure(stack, () -> chunkedScans(stack, shape, ChunkInFlight.Start.TOGETHER, 1)));
        phases
            .get(6)
            .add(measure(stack, () -> chunkedScans(stack, shape, ChunkInFlight.Start.TOGETHER, 2)));
        phases.get(FERRY).add(measure(stack, () -> ferryRuns.add(compareWithFerry())));
        phases.get(PT).add(measure(stack, () -> runPtTableChecksum(oldPrimary)));
        // pt-table-checksum's statements are re-run by the replicas; let them finish first
        StackFixture.awaitReplication();
      }

      StringBuilder ratios = new StringBuilder();
      for (int run = 0; run < RUNS; run++) {
        double ferry = phases.get(FERRY).runs().get(run).seconds();
        TableDataResult ferryRun = ferryRuns.get(run);
        ratios.append(
            String.format(
                Locale.ROOT,
                "- run %d: ferry compare %.2f times pt-table-checksum's rate; %.2f times the hash"
                    + " scan's time (built once), %.2f times the COUNT(*) scan's; %d chunks, %d"
                    + " re-checked after catching up%n",
                run + 1,
                phases.get(PT).runs().get(run).seconds() / ferry,
                ferry / phases.get(3).runs().get(run).seconds(),
                ferry / phases.get(1).runs().get(run).seconds(),
                ferryRun.chunks(),
                ferryRun.rechecks()));
      }
      StringBuilder table = new StringBuilder();
      phases.forEach(phase -> table.append(phase.line()));
      Path report = Path.of("target", "benchmarks", "cutover-workload.md");
      Files.createDirectories(report.getParent());
      Files.writeString(
          report,
          String.format(
              Locale.ROOT,
              "| phase | median s | rows/s | runs (s) | workload ops | p50 ms | p99 ms | max ms |"
                  + " max replica lag s | CPU s old primary | CPU s new primary | CPU s replicas |"
                  + " CPU s this JVM | peak heap MiB |%n"
                  + "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
                  + " ---: | ---: | ---: |%n%s%n%s%n"
                  + "- rows: %d (%s); workload: %d ops/s on the old primary, half point reads,"
                  + " half single-row updates; %d runs of each phase, in turn; durations and CPU"
                  + " times are medians, latencies over all runs%n"
                  + "- machine: %d cores; load average %.2f before, %.2f after%n",
              table,
              ratios,
              ROWS,
              tableSize,
              OPS_PER_SECOND,
              RUNS,
              Runtime.getRuntime().availableProcessors(),
              loadBefore,
              loadAverage()));
    } finally {
      dropDatabase("percona");
      dropDatabase(DB);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  /**
   * One run of a phase: its duration, the workload's latencies in nanoseconds (sorted), the largest
   * replica lag and heap seen, and the CPU time each server and this JVM used meanwhile.
   */
  private record Phase(
      long nanos,
      long[] latencies,
      double maxLagSeconds,
      long peakHeapBytes,
      Duration oldPrimaryCpu,
      Duration newPrimaryCpu,
      Duration replicasCpu,
      Duration jvmCpu) {

    double seconds() {
      return nanos / 1e9;
    }
  }

  /** A phase's runs. */
  private record PhaseRuns(String name, boolean compares, List<Phase> runs) {

    PhaseRuns(String name, boolean compares) {
      this(name, compares, new ArrayList<>());
    }

    void add(Phase run) {
      runs.add(run);
    }

    String line() {
      long[] latencies =
          runs.stream().flatMapToLong(run -> Arrays.stream(run.latencies())).sorted().toArray();
      double seconds = median(runs.stream().map(Phase::seconds).toList());
      return String.format(
          Locale.ROOT,
          "| %s | %.2f | %s | %s | %d | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %.2f | %s"
              + " |%n",
          name,
          seconds,
          compares ? String.format(Locale.ROOT, "%,.0f", ROWS / seconds) : "-",
          runs.stream()
              .map(run -> String.format(Locale.ROOT, "%.2f", run.seconds()))
              .collect(Collectors.joining(", ")),
          latencies.length,
          millis(percentile(latencies, 0.50)),
          millis(percentile(latencies, 0.99)),
          millis(latencies[latencies.length - 1]),
          runs.stream().mapToDouble(Phase::maxLagSeconds).max().orElse(0),
          cpuSeconds(Phase::oldPrimaryCpu),
          cpuSeconds(Phase::newPrimaryCpu),
          cpuSeconds(Phase::replicasCpu),
          cpuSeconds(Phase::jvmCpu),
          compares
              ? Long.toString(
                  runs.stream().mapToLong(Phase::peakHeapBytes).max().orElse(0) / (1024 * 1024))
              : "-");
    }

    private double cpuSeconds(Function<Phase, Duration> cpu) {
      return median(runs.stream().map(run -> cpu.apply(run).toMillis() / 1000.0).toList());
    }

    private static double median(List<Double> values) {
      return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long percentile(long[] sorted, double fraction) {
      return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

    private static double millis(long nanos) {
      return nanos / 1e6;
    }
  }

  /** Runs the workload and a lag and heap watcher while {@code work} runs. */
  private static Phase measure(MigrationStack stack, Work work) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<OrdersTable.WorkloadRun> workload =
        CompletableFuture.supplyAsync(
            () -> OrdersTable.workload(stack.oldPrimary(), DB, ROWS, OPS_PER_SECOND, stop));
    AtomicLong maxLagMillis = new AtomicLong();
    AtomicLong peakHeap = new AtomicLong();
    CompletableFuture<Void> watcher =
        CompletableFuture.runAsync(() -> watch(stack, stop, maxLagMillis, peakHeap));
    System.gc();
    Duration oldPrimary = cpu(stack.oldPrimary());
    Duration newPrimary = cpu(stack.newPrimary());
    Duration replicas = cpu(stack.oldReplica()).plus(cpu(stack.newReplica()));
    long jvm = jvmCpuNanos();
    long started = System.nanoTime();
    try {
      work.run();
    } finally {
      stop.set(true);
    }
    long nanos = System.nanoTime() - started;
    Duration jvmCpu = Duration.ofNanos(jvmCpuNanos() - jvm);
    Duration oldPrimaryCpu = cpu(stack.oldPrimary()).minus(oldPrimary);
    Duration newPrimaryCpu = cpu(stack.newPrimary()).minus(newPrimary);
    Duration replicasCpu = cpu(stack.oldReplica()).plus(cpu(stack.newReplica())).minus(replicas);
    long[] latencies = workload.get(60, TimeUnit.SECONDS).latenciesNanos();
    watcher.get(60, TimeUnit.SECONDS);
    Arrays.sort(latencies);
    return new Phase(
        nanos,
        latencies,
        maxLagMillis.get() / 1000.0,
        peakHeap.get(),
        oldPrimaryCpu,
        newPrimaryCpu,
        replicasCpu,
        jvmCpu);
  }

  /** CPU time the server's process used so far. */
  private static Duration cpu(LocalMariaDb server) {
    return ProcessHandle.of(server.pid())
        .flatMap(process -> process.info().totalCpuDuration())
        .orElseThrow(() -> new IllegalStateException(server.name() + ": no CPU time readable"));
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The same statement on both primaries at the same time, each on a thread of its own (the common
   * pool may be busy with the workload and the watcher); each must see every row.
   */
  private static void scanBoth(MigrationStack stack, String sql) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> onOld = threads.submit(() -> scan(stack.oldPrimary(), sql));
      Future<Long> onNew = threads.submit(() -> scan(stack.newPrimary(), sql));
      assertThat(onOld.get()).isEqualTo(ROWS);
      assertThat(onNew.get()).isEqualTo(ROWS);
    } finally {
      threads.shutdownNow();
    }
  }

  /**
   * Ferry's chunk statement over {@link #CHUNKS} equal key ranges of the table, on both primaries,
   * through {@link BothSides} with {@code lanes} lanes, two chunks started at a time, but with no
   * chunk sizing, planning, throttle or re-check: what reading the table in chunks costs, with the
   * two sides started as {@code start} says.
   */
  private static void chunkedScans(
      MigrationStack stack, TableShape shape, ChunkInFlight.Start start, int lanes)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    List<ChunkQueries> onOld = new ArrayList<>();
    List<ChunkQueries> onNew = new ArrayList<>();
    try {
      for (int lane = 0; lane < lanes; lane++) {
        onOld.add(queries(stack.oldPrimary(), connections));
        onNew.add(queries(stack.newPrimary(), connections));
      }
      try (BothSides sides =
          new BothSides(onOld, onNew, onOld.get(0), true, Duration.ofSeconds(10), start)) {
        int size = (ROWS + CHUNKS - 1) / CHUNKS;
        List<ChunkInFlight> chunks = new ArrayList<>();
        long rows = 0;
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
          ChunkRange range =
              new ChunkRange(
                  chunk == 0 ? List.of() : List.of(String.valueOf(chunk * size)),
                  chunk == CHUNKS - 1 ? List.of() : List.of(String.valueOf((chunk + 1) * size)));
          chunks.add(sides.start(shape, range));
          if (chunks.size() == 2) {
            rows += chunks.remove(0).await().oldSide().rows();
          }
        }
        rows += chunks.remove(0).await().oldSide().rows();
        assertThat(rows).isEqualTo(ROWS);
      }
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  /** Chunk queries on a new connection to {@code server}, kept in {@code opened} for closing. */
  private static ChunkQueries queries(LocalMariaDb server, List<Connection> opened)
      throws Exception {
    Connection connection = server.connectAdmin();
    opened.add(connection);
    ChunkQueries queries = new ChunkQueries(connection, RowHash.CRC32_PAIR);
    queries.encodingUse();
    return queries;
  }

  /** The row count the statement's first column gives. */
  private static long scan(LocalMariaDb server, String sql) {
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(server.name() + ": " + e.getMessage(), e);
    }
  }

  private static TableShape shape(LocalMariaDb server) throws Exception {
    try (Connection connection = server.connectAdmin()) {
      return new TableShapeReader().shape(connection, DB, "orders").orElseThrow();
    }
  }

  /** Every 500 ms: the largest Seconds_Behind_Master of any replica, and this JVM's heap. */
  private static void watch(
      MigrationStack stack, AtomicBoolean stop, AtomicLong maxLagMillis, AtomicLong peakHeap) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<LocalMariaDb> nodes =
        List.of(stack.oldPrimary(), stack.oldReplica(), stack.newPrimary(), stack.newReplica());
    List<Connection> connections = new ArrayList<>();
    try {
      for (LocalMariaDb node : nodes) {
        connections.add(node.connectAdmin());
      }
      while (!stop.get()) {
        for (Connection connection : connections) {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("SHOW ALL SLAVES STATUS")) {
            while (rows.next()) {
              long lag = rows.getLong("Seconds_Behind_Master");
              maxLagMillis.accumulateAndGet(lag * 1000, Math::max);
            }
          }
        }
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        Thread.sleep(500);
      }
    } catch (Exception e) {
      throw new IllegalStateException("watcher: " + e.getMessage(), e);
    } finally {
      for (Connection connection : connections) {
        try {
          connection.close();
        } catch (Exception e) {
          // closing after the measurement; nothing to do
        }
      }
    }
  }

  private static TableDataResult compareWithFerry() throws Exception {
    TableDataResult result =
        DataComparatorTest.compare(
                chunkTime(ComparisonOptions.builder())
                    .tableFilter(new TableFilter(List.of(DB), List.of()))
                    .build())
            .get(0);
    // the workload's updates are in flight between the primaries: re-checks, not drift
    assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
    assertThat(result.rowsOld()).isEqualTo(ROWS);
    return result;
  }

  /** The chunk time to try instead of the default ({@code ferry.benchmark.chunkMillis}). */
  private static ComparisonOptions.Builder chunkTime(ComparisonOptions.Builder builder) {
    Integer millis = Integer.getInteger("ferry.benchmark.chunkMillis");
    return millis == null ? builder : builder.chunkTargetTime(Duration.ofMillis(millis));
  }

  private static void runPtTableChecksum(LocalMariaDb oldPrimary) throws Exception {
    Path output = Path.of("target", "benchmarks", "pt-table-checksum-workload.out");
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
    if (!process.waitFor(1800, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pt-table-checksum did not finish in 1800 s");
    }
    // exit code 16 means differences found: writes in flight during its run are not drift to it
    assertThat(process.exitValue() & ~16).as("pt-table-checksum exit code, see " + output).isZero();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
