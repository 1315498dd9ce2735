package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writes flowing on both primaries during the comparison (master/master) must not show up as drift:
 * differences seen mid-flight are re-checked once both sides caught up.
 */
class ConcurrentWritesTest {

  private static final String DB = "cut_busy";
  private static final Duration LONGEST_WRITE_PHASE = Duration.ofSeconds(30);

  @Test
  void writesOnBothPrimariesProduceNoFalseDrift() throws Exception {
    createDatabase(
        DB,
        "CREATE TABLE events (id INT AUTO_INCREMENT PRIMARY KEY, source VARCHAR(8), n INT)",
        "INSERT INTO events (source, n) SELECT 'seed', seq FROM seq_1_to_4000");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong writes = new AtomicLong();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    try {
      Future<?> onOld =
          writers.submit(() -> write(StackFixture.stack().oldPrimary(), true, stop, writes));
      Future<?> onNew =
          writers.submit(() -> write(StackFixture.stack().newPrimary(), false, stop, writes));
      ComparisonOptions options =
          ComparisonOptions.builder()
              .tableFilter(new TableFilter(List.of(DB), List.of()))
              .chunkRows(200, 50, 200)
              .gtidWaitTimeout(Duration.ofSeconds(10))
              .build();

      for (int run = 0; run < 3; run++) {
        long writesBefore = writes.get();
        TableDataResult events = DataComparatorTest.compare(options).get(0);

        assertThat(events.status()).as(events.summary()).isEqualTo(Status.PASS);
        assertThat(events.drift()).isEmpty();
        assertThat(writes.get()).as("writes during run " + run).isGreaterThan(writesBefore);
      }
      stop.set(true);
      onOld.get();
      onNew.get();
    } finally {
      stop.set(true);
      writers.shutdown();
      dropDatabase(DB);
    }
  }

  /** Inserts on both sides; updates random seed rows on the old side only (no real conflicts). */
  private static Void write(
      LocalMariaDb server, boolean updates, AtomicBoolean stop, AtomicLong writes)
      throws SQLException {
    long deadline = System.nanoTime() + LONGEST_WRITE_PHASE.toNanos();
    try (Connection connection = server.connectAdmin();
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + DB + ".events (source, n) VALUES (?, 0)");
        PreparedStatement update =
            connection.prepareStatement("UPDATE " + DB + ".events SET n = n + 1 WHERE id = ?")) {
      while (!stop.get() && System.nanoTime() < deadline) {
        insert.setString(1, server.name().substring(0, 3));
        insert.executeUpdate();
        if (updates) {
          update.setInt(1, ThreadLocalRandom.current().nextInt(1, 4000));
          update.executeUpdate();
        }
        writes.incrementAndGet();
      }
    }
    return null;
  }
}
