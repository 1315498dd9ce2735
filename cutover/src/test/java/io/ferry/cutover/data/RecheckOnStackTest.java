package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import io.ferry.testkit.LocalMariaDb;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A chunk that differs only because a write is in flight between the primaries: re-checked once
 * both sides caught up, counted, never reported; and both primaries begin each chunk together, so
 * that such a difference is rare in the first place.
 */
class RecheckOnStackTest {

  private static final String ORDERS =
      "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40), total DECIMAL(10,2))";
  private static final String FILL =
      "INSERT INTO orders SELECT seq, CONCAT('c', seq), seq / 10 FROM seq_1_to_3000";

  @Test
  void aWriteTheNewPrimaryHasNotAppliedYetIsReCheckedAfterCatchingUpNotReported() throws Exception {
    String db = "cut_recheck_late";
    createDatabase(db, ORDERS, FILL);
    LocalMariaDb newPrimary = stack().newPrimary();
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      newPrimary.execute("STOP SLAVE SQL_THREAD");
      stack()
          .oldPrimary()
          .execute("UPDATE " + db + ".orders SET total = total + 1 WHERE id = 1500");
      Future<List<TableDataResult>> run =
          runner.submit(
              () ->
                  DataComparatorTest.compare(
                      ComparisonOptions.builder()
                          .tableFilter(new TableFilter(List.of(db), List.of()))
                          .chunkRows(1000, 100, 1000)
                          .gtidWaitTimeout(Duration.ofSeconds(20))
                          .recheckAttempts(1)
                          .build()));
      // the chunk with row 1500 differed; the comparison now waits for the new primary to catch up
      StackFixture.awaitGtidWaitOn(newPrimary);
      newPrimary.execute("START SLAVE SQL_THREAD");

      TableDataResult orders = run.get(60, TimeUnit.SECONDS).get(0);

      assertThat(orders.status()).as(orders.summary()).isEqualTo(Status.PASS);
      assertThat(orders.drift()).isEmpty();
      assertThat(orders.rechecks()).isEqualTo(1);
      assertThat(orders.rowsOld()).isEqualTo(3000);
    } finally {
      newPrimary.execute("START SLAVE SQL_THREAD");
      runner.shutdownNow();
      dropDatabase(db);
    }
  }

  /**
   * The old side is busy with an earlier statement; the new side is free. Starting together, the
   * new side's checksum must not run before the old side is free too (with each side starting when
   * free it would run, and finish, at once).
   */
  @Test
  void bothSidesBeginAChunkTogetherTheFreeSideWaitingForTheBusyOne() throws Exception {
    String db = "cut_recheck_together";
    createDatabase(db, ORDERS, FILL);
    ExecutorService oldWorker = ComparedSides.sideWorker("test-old");
    ExecutorService newWorker = ComparedSides.sideWorker("test-new");
    try (Connection oldConnection = stack().oldPrimary().connectAdmin();
        Connection newConnection = stack().newPrimary().connectAdmin()) {
      TableShape shape = new TableShapeReader().shape(oldConnection, db, "orders").orElseThrow();
      List<String> events = new CopyOnWriteArrayList<>();
      CountDownLatch oldSideBusy = new CountDownLatch(1);
      oldWorker.submit(
          () -> {
            oldSideBusy.await();
            events.add("old side free");
            return null;
          });

      ChunkInFlight chunk =
          ChunkInFlight.start(
              oldWorker,
              new ChunkQueries(oldConnection, RowHash.CRC32_PAIR),
              newWorker,
              new ChunkQueries(newConnection, RowHash.CRC32_PAIR),
              shape,
              ChunkRange.WHOLE_TABLE,
              ChunkInFlight.Start.TOGETHER);
      CountDownLatch newSideDone = new CountDownLatch(1);
      newWorker.submit(
          () -> {
            events.add("new side's checksum done");
            newSideDone.countDown();
          });
      // proving that something does not happen takes a wait: the new side's checksum takes a few
      // milliseconds when it does not wait, so half a second is ample
      boolean ranWhileOldWasBusy = newSideDone.await(500, TimeUnit.MILLISECONDS);
      oldSideBusy.countDown();
      ChecksumPair pair = chunk.await();

      assertThat(ranWhileOldWasBusy).as("new side ran while the old side was busy").isFalse();
      assertThat(newSideDone.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(events).containsExactly("old side free", "new side's checksum done");
      assertThat(pair.matches()).isTrue();
      assertThat(pair.oldSide().rows()).isEqualTo(3000);
    } finally {
      oldWorker.shutdownNow();
      newWorker.shutdownNow();
      dropDatabase(db);
    }
  }
}
