package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.check.TrafficCheck;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The post-cutover traffic checks against the real stack, with clients on one primary or both. */
class TrafficCheckOnStackTest {

  private static final String DB = "cut_traffic";
  private static final Duration LONGEST_CLIENT = Duration.ofSeconds(20);

  @Test
  void clientStillWritingToTheOldPrimaryIsFoundAndListed() throws Exception {
    createDatabase(DB, "CREATE TABLE hits (id INT AUTO_INCREMENT PRIMARY KEY)");
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          clients.submit(
              () ->
                  run(
                      StackFixture.stack().oldPrimary(),
                      "INSERT INTO " + DB + ".hits () VALUES ()",
                      stop));
      Future<?> reader =
          clients.submit(() -> run(StackFixture.stack().newPrimary(), "SELECT 1", stop));

      List<CheckResult> results = runTrafficCheck();

      stop.set(true);
      writer.get();
      reader.get();
      CheckResult writes = results.get(1);
      assertThat(writes.name()).isEqualTo("old primary writes");
      assertThat(writes.status()).isEqualTo(Status.FAIL);
      assertThat(writes.evidence())
          .anySatisfy(line -> assertThat(line).contains(MigrationStack.ADMIN_USER + "@127.0.0.1"));
    } finally {
      stop.set(true);
      clients.shutdown();
      dropDatabase(DB);
    }
  }

  @Test
  void trafficOnlyOnTheNewPrimaryPasses() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newSingleThreadExecutor();
    try {
      Future<?> reader =
          clients.submit(() -> run(StackFixture.stack().newPrimary(), "SELECT 1", stop));

      List<CheckResult> results = runTrafficCheck();

      stop.set(true);
      reader.get();
      assertThat(results).extracting(CheckResult::status).containsExactly(Status.PASS, Status.PASS);
    } finally {
      stop.set(true);
      clients.shutdown();
    }
  }

  @Test
  void beforeTheSwitchThereIsNothingToCheck() throws Exception {
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      CheckContext context =
          new CheckContext(StackFixture.topology(), ComparisonOptions.defaults(), connections);

      assertThat(new TrafficCheck().run(context)).isEmpty();
    }
  }

  private static List<CheckResult> runTrafficCheck() throws SQLException {
    ComparisonOptions options =
        ComparisonOptions.builder().phase(Phase.POST).trafficWindow(Duration.ofSeconds(1)).build();
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(30))) {
      return new TrafficCheck()
          .run(new CheckContext(StackFixture.topology(), options, connections));
    }
  }

  private static Void run(LocalMariaDb server, String sql, AtomicBoolean stop) throws SQLException {
    long deadline = System.nanoTime() + LONGEST_CLIENT.toNanos();
    try (Connection connection = server.connectAdmin();
        Statement statement = connection.createStatement()) {
      while (!stop.get() && System.nanoTime() < deadline) {
        statement.execute(sql);
      }
    }
    return null;
  }
}
