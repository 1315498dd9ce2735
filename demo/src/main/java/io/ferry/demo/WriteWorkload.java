package io.ferry.demo;

import io.ferry.testkit.LocalMariaDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small blog-like write workload on the old primary: it inserts posts and updates a counter, so
 * that replication has something to carry to the replica and to the new cluster.
 */
final class WriteWorkload implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WriteWorkload.class);

  private final LocalMariaDb primary;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-workload"));
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private Connection connection;

  WriteWorkload(LocalMariaDb primary) {
    this.primary = primary;
  }

  /** Creates the schema and writes {@code transactionsPerSecond} small transactions a second. */
  void start(int transactionsPerSecond) {
    primary.execute(
        "CREATE DATABASE IF NOT EXISTS blog",
        "CREATE TABLE IF NOT EXISTS blog.posts (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
            + " author VARCHAR(64) NOT NULL, title VARCHAR(200) NOT NULL, body TEXT,"
            + " created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))",
        "CREATE TABLE IF NOT EXISTS blog.counters (name VARCHAR(32) PRIMARY KEY, value BIGINT)",
        "INSERT IGNORE INTO blog.counters VALUES ('posts', 0)");
    long periodMicros = 1_000_000L / Math.max(1, transactionsPerSecond);
    scheduler.scheduleAtFixedRate(this::writeOne, 0, periodMicros, TimeUnit.MICROSECONDS);
  }

  long written() {
    return written.get();
  }

  long failed() {
    return failed.get();
  }

  private void writeOne() {
    try {
      if (connection == null || connection.isClosed()) {
        connection = primary.connectAdmin();
        connection.setAutoCommit(false);
      }
      long n = written.get() + 1;
      try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO blog.posts (author, title, body) VALUES (?, ?, ?)");
          PreparedStatement count =
              connection.prepareStatement(
                  "UPDATE blog.counters SET value = value + 1 WHERE name = 'posts'")) {
        insert.setString(1, "author" + (n % 97));
        insert.setString(2, "Post number " + n);
        insert.setString(3, "Moving house without downtime, part " + n);
        insert.executeUpdate();
        count.executeUpdate();
      }
      connection.commit();
      written.incrementAndGet();
    } catch (SQLException e) {
      if (failed.incrementAndGet() == 1 || failed.get() % 100 == 0) {
        LOG.warn("workload write failed ({} so far): {}", failed.get(), e.getMessage());
      }
      closeConnection();
    }
  }

  private void closeConnection() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // The connection is being replaced; its close error says nothing new.
    }
    connection = null;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeConnection();
  }
}
