package io.ferry.cutover.data;

import io.ferry.testkit.LocalMariaDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmarks' {@code orders} table: {@code id INT PRIMARY KEY, customer VARCHAR(40), qty INT,
 * placed DATETIME, total DECIMAL(10,2), note CHAR(60)}, filled from MariaDB's sequence engine in
 * batches of {@value #INSERT_BATCH} rows.
 */
final class OrdersTable {

  private static final int INSERT_BATCH = 250_000;

  private OrdersTable() {}

  /** The statements that create the table with {@code rows} rows (ids 1 to {@code rows}). */
  static String[] statements(int rows) {
    List<String> statements = new ArrayList<>();
    statements.add(
        "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(40), qty INT,"
            + " placed DATETIME, total DECIMAL(10,2), note CHAR(60))");
    for (int from = 1; from <= rows; from += INSERT_BATCH) {
      int to = Math.min(rows, from + INSERT_BATCH - 1);
      statements.add(
          "INSERT INTO orders SELECT seq, CONCAT('customer-', seq MOD 5000), seq MOD 17,"
              + " '2024-01-01' + INTERVAL (seq MOD 100000) MINUTE, (seq MOD 10000) / 7,"
              + " SHA1(seq) FROM seq_"
              + from
              + "_to_"
              + to);
    }
    return statements.toArray(String[]::new);
  }

  /** What a workload did: each statement's service time, and how many were updates. */
  record WorkloadRun(long[] latenciesNanos, long updates) {}

  /**
   * Point reads and single-row updates (half each) by random key of {@code database.orders}, at
   * {@code opsPerSecond} on one connection, until {@code stop} is set.
   */
  static WorkloadRun workload(
      LocalMariaDb server, String database, int rows, int opsPerSecond, AtomicBoolean stop) {
    long interval = TimeUnit.SECONDS.toNanos(1) / opsPerSecond;
    SplittableRandom random = new SplittableRandom(42);
    long[] latencies = new long[1 << 16];
    int count = 0;
    long updates = 0;
    try (Connection connection = server.connectAdmin();
        PreparedStatement read =
            connection.prepareStatement(
                "SELECT qty, total FROM " + database + ".orders WHERE id = ?");
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE " + database + ".orders SET qty = qty + 1 WHERE id = ?")) {
      long next = System.nanoTime();
      while (!stop.get()) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        next += interval;
        int id = 1 + random.nextInt(rows);
        long started = System.nanoTime();
        if (random.nextBoolean()) {
          read.setInt(1, id);
          try (ResultSet result = read.executeQuery()) {
            result.next();
          }
        } else {
          update.setInt(1, id);
          update.executeUpdate();
          updates++;
        }
        if (count == latencies.length) {
          latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = System.nanoTime() - started;
      }
    } catch (Exception e) {
      throw new IllegalStateException("workload: " + e.getMessage(), e);
    }
    return new WorkloadRun(Arrays.copyOf(latencies, count), updates);
  }
}
