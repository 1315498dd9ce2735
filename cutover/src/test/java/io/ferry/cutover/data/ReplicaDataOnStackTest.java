package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.CutoverComparison;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.ColumnDifference;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReplicaDataResult;
import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.RowDifference.Kind;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.cutover.report.Verdict;
import io.ferry.testkit.LocalMariaDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --data-on-replicas} on the real stack: each replica (old-replica of old-primary,
 * new-replica of new-primary, which itself replicates from old-primary) compared with its primary,
 * GTID-aligned. Each test owns a database.
 */
class ReplicaDataOnStackTest {

  private static final String ORDERS =
      "CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer VARCHAR(20),"
          + " total DECIMAL(10,2))";
  private static final String FILL =
      "INSERT INTO orders (id, customer, total) SELECT seq, CONCAT('c', seq MOD 97), seq / 10"
          + " FROM seq_1_to_3000";
  private static final Duration LONGEST_WRITE_PHASE = Duration.ofSeconds(30);

  @Test
  void replicasInSyncWhileThePrimaryTakesWritesShowNoDrift() throws Exception {
    String db = "cut_replicas_busy";
    createDatabase(db, ORDERS, FILL);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong writes = new AtomicLong();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writing = writer.submit(() -> write(stack().oldPrimary(), db, stop, writes));
      ComparisonOptions options = options(db).chunkRows(200, 50, 200).build();

      for (int run = 0; run < 2; run++) {
        long writesBefore = writes.get();
        List<ReplicaDataResult> replicas = compareReplicas(options);

        assertThat(replicas)
            .extracting(ReplicaDataResult::replica)
            .containsExactly("old-replica", "new-replica");
        for (ReplicaDataResult replica : replicas) {
          assertThat(replica.status()).as(replica.summary()).isEqualTo(Status.PASS);
          TableDataResult orders = replica.tables().get(0);
          assertThat(orders.drift()).isEmpty();
          assertThat(orders.rowsOld()).isGreaterThanOrEqualTo(3000);
          assertThat(orders.chunks()).isGreaterThanOrEqualTo(15);
        }
        assertThat(writes.get()).as("writes during run " + run).isGreaterThan(writesBefore);
      }
      stop.set(true);
      writing.get();
    } finally {
      stop.set(true);
      writer.shutdown();
      writer.awaitTermination(LONGEST_WRITE_PHASE.toSeconds(), TimeUnit.SECONDS);
      dropDatabase(db);
    }
  }

  @Test
  void aLaggingReplicaIsWaitedForNotTakenForDrift() throws Exception {
    String db = "cut_replicas_lag";
    createDatabase(db, ORDERS, FILL);
    LocalMariaDb oldReplica = stack().oldReplica();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      oldReplica.execute("STOP SLAVE SQL_THREAD");
      stack().oldPrimary().execute("UPDATE " + db + ".orders SET total = total + 1");
      Future<List<ReplicaDataResult>> run =
          runner.submit(
              () ->
                  compareReplicas(
                      options(db)
                          .gtidWaitTimeout(Duration.ofSeconds(20))
                          .recheckAttempts(1)
                          .build()));
      StackFixture.awaitGtidWaitOn(oldReplica);
      oldReplica.execute("START SLAVE SQL_THREAD");

      ReplicaDataResult result = replica(run.get(60, TimeUnit.SECONDS), "old-replica");

      assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
      assertThat(result.tables().get(0).rechecks()).isZero();
    } finally {
      oldReplica.execute("START SLAVE SQL_THREAD");
      runner.shutdown();
      dropDatabase(db);
    }
  }

  @Test
  void aRowChangedOnlyOnAReplicaIsDriftNamingTheReplicaTableKeyAndColumn() throws Exception {
    String db = "cut_replicas_drift";
    createDatabase(db, ORDERS, FILL);
    try {
      stack()
          .oldReplica()
          .execute(
              "SET SESSION sql_log_bin = 0",
              "UPDATE " + db + ".orders SET total = total + 1 WHERE id = 1234");

      List<ReplicaDataResult> replicas = compareReplicas(options(db).build());

      ReplicaDataResult oldReplica = replica(replicas, "old-replica");
      assertThat(oldReplica.status()).isEqualTo(Status.FAIL);
      assertThat(oldReplica.finished()).isTrue();
      assertThat(oldReplica.primary()).isEqualTo("old-primary");
      assertThat(oldReplica.exitBits()).isEqualTo(CheckFamily.DATA.bit());
      TableDataResult orders = oldReplica.tables().get(0);
      assertThat(orders.qualifiedName()).isEqualTo(db + ".orders");
      assertThat(orders.summary()).contains("(rows primary 3,000, replica 3,000)");
      assertThat(orders.differingRowList())
          .containsExactly(
              new RowDifference(
                  List.of("1234"),
                  Kind.CHANGED,
                  List.of(ColumnDifference.nameOnly("total", false))));
      assertThat(replica(replicas, "new-replica").status()).isEqualTo(Status.PASS);
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  @Timeout(60)
  void aReplicaThatDoesNotCatchUpIsReportedAndTheVerdictIsNotGo() throws Exception {
    String db = "cut_replicas_stopped";
    createDatabase(db, ORDERS, FILL);
    LocalMariaDb newReplica = stack().newReplica();
    try {
      newReplica.execute("STOP SLAVE SQL_THREAD");
      // a position the stopped replica cannot reach
      stack().oldPrimary().execute("UPDATE " + db + ".orders SET total = 0 WHERE id = 7");

      ComparisonReport report =
          new CutoverComparison()
              .run(StackFixture.topology(), options(db).dataOnReplicas(true).build());

      assertThat(report.verdict()).isEqualTo(Verdict.NO_GO);
      assertThat(report.exitCode() & CheckFamily.COULD_NOT_FINISH_BIT)
          .isEqualTo(CheckFamily.COULD_NOT_FINISH_BIT);
      ReplicaDataResult stopped = replica(report.replicas(), "new-replica");
      assertThat(stopped.finished()).isFalse();
      assertThat(stopped.status()).isEqualTo(Status.FAIL);
      assertThat(stopped.summary())
          .contains("new-replica did not apply new-primary's GTID position", "within 2s");
      assertThat(stopped.tables())
          .singleElement()
          .satisfies(t -> assertThat(t.finished()).isFalse());
      assertThat(replica(report.replicas(), "old-replica").status()).isEqualTo(Status.PASS);
    } finally {
      newReplica.execute("START SLAVE SQL_THREAD");
      dropDatabase(db);
    }
  }

  private static ComparisonOptions.Builder options(String db) {
    return ComparisonOptions.builder()
        .tableFilter(new TableFilter(List.of(db), List.of()))
        .gtidWaitTimeout(Duration.ofSeconds(2));
  }

  private static List<ReplicaDataResult> compareReplicas(ComparisonOptions options)
      throws InterruptedException {
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(60))) {
      return new ReplicaDataComparator(StackFixture.topology(), options, connections, 0).compare();
    }
  }

  private static ReplicaDataResult replica(List<ReplicaDataResult> replicas, String name) {
    return replicas.stream()
        .filter(replica -> replica.replica().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + name + ": " + replicas));
  }

  /** Inserts and updates random rows on the primary until told to stop. */
  private static Void write(LocalMariaDb server, String db, AtomicBoolean stop, AtomicLong writes)
      throws SQLException {
    long deadline = System.nanoTime() + LONGEST_WRITE_PHASE.toNanos();
    try (Connection connection = server.connectAdmin();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + db + ".orders (customer, total) VALUES ('new', 1)");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + db + ".orders SET total = total + 1 WHERE id = ?")) {
      while (!stop.get() && System.nanoTime() < deadline) {
        insert.executeUpdate();
        update.setInt(1, ThreadLocalRandom.current().nextInt(1, 3000));
        update.executeUpdate();
        writes.incrementAndGet();
      }
    }
    return null;
  }
}
