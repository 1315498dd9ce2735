package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.Verdict;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access gate on the real stack: an account that cannot see the application's schemas gets no
 * GO but the privileges it lacks and the GRANT to run (which is then enough for a GO), and an
 * endpoint given twice under another address is refused.
 */
class AccessOnStackTest {

  private static final String DB = "cut_access";
  private static final String USER = "cut_least";
  private static final String PASSWORD = "least-secret";

  @BeforeAll
  static void createData() {
    createDatabase(
        DB,
        "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(40))",
        "INSERT INTO notes SELECT seq, CONCAT('note ', seq) FROM seq_1_to_100");
  }

  @AfterAll
  static void dropData() {
    dropDatabase(DB);
  }

  @Test
  void anAccountThatSeesNoSchemaIsNoGoAndToldTheGrantThatMakesItAGo() throws Exception {
    onEveryServer(
        "CREATE USER " + USER + "@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'",
        // what a DBA might think is enough: it reads one database, but not the schema at large
        "GRANT SELECT ON " + DB + ".* TO " + USER + "@'127.0.0.1'");
    try {
      ComparisonReport refused = new CutoverComparison().run(topologyAs(USER), options());

      assertThat(refused.verdict()).isEqualTo(Verdict.NO_GO);
      assertThat(refused.exitCode()).isEqualTo(CheckFamily.COULD_NOT_FINISH_BIT);
      assertThat(refused.tables()).isEmpty();
      assertThat(refused.checks())
          .as("nothing is compared, so nothing passes by not being seen")
          .allSatisfy(check -> assertThat(check.family()).isEqualTo(CheckFamily.ACCESS))
          .hasSize(4)
          .allSatisfy(check -> assertThat(check.status()).isEqualTo(Status.FAIL));
      String grant =
          "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, PROCESS, SLAVE MONITOR ON *.* TO"
              + " '"
              + USER
              + "'@'127.0.0.1';";
      CheckResult oldPrimary = refused.checks().get(0);
      assertThat(oldPrimary.name()).isEqualTo("old-primary");
      assertThat(oldPrimary.summary()).contains("lacks SELECT, SHOW VIEW").endsWith(grant);
      assertThat(oldPrimary.evidence())
          .contains("missing TRIGGER ON *.*, needed to read triggers", "run: " + grant);

      onEveryServer(grant);
      ComparisonReport granted = new CutoverComparison().run(topologyAs(USER), options());

      assertThat(granted.exitCode()).as("%s", granted.checks()).isZero();
      assertThat(granted.tables())
          .singleElement()
          .satisfies(t -> assertThat(t.rowsOld()).isEqualTo(100));
    } finally {
      onEveryServer("DROP USER IF EXISTS " + USER + "@'127.0.0.1'");
    }
  }

  @Test
  void theOldPrimaryGivenAgainAsTheNewOneUnderAnotherAddressIsRefused() throws Exception {
    LocalMariaDb oldPrimary = stack().oldPrimary();
    ClusterTopology sameTwice =
        new ClusterTopology(
            List.of(node("old-primary", Node.PRIMARY, "127.0.0.1", oldPrimary)),
            List.of(node("new-primary", Node.PRIMARY, "localhost", oldPrimary)));

    ComparisonReport report = new CutoverComparison().run(sameTwice, options());

    assertThat(report.exitCode()).isEqualTo(64);
    assertThat(report.tables()).isEmpty();
    assertThat(report.checks())
        .filteredOn(check -> check.status() == Status.FAIL)
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.name()).isEqualTo("same server twice");
              assertThat(check.summary())
                  .startsWith("old-primary and new-primary are the same server (")
                  .contains(":" + oldPrimary.port() + ", server_id " + oldPrimary.serverId());
            });
  }

  @Test
  void aReplicaThatIsItsOwnPrimaryIsRefused() throws Exception {
    MigrationStack stack = stack();
    ClusterTopology replicaIsPrimary =
        new ClusterTopology(
            List.of(
                node("old-primary", Node.PRIMARY, "127.0.0.1", stack.oldPrimary()),
                node("old-replica-1", Node.REPLICA, "localhost", stack.oldPrimary())),
            List.of(node("new-primary", Node.PRIMARY, "127.0.0.1", stack.newPrimary())));

    ComparisonReport report = new CutoverComparison().run(replicaIsPrimary, options());

    assertThat(report.exitCode()).isEqualTo(64);
    assertThat(report.checks())
        .filteredOn(check -> check.name().equals("same server twice"))
        .singleElement()
        .satisfies(
            check ->
                assertThat(check.summary())
                    .startsWith("old-primary and old-replica-1 are the same server"));
  }

  private static ComparisonOptions options() {
    return ComparisonOptions.builder()
        .tableFilter(new TableFilter(List.of(DB), List.of()))
        .gtidWaitTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static ClusterTopology topologyAs(String user) {
    MigrationStack stack = stack();
    return new ClusterTopology(
        List.of(
            new Node("old-primary", Node.PRIMARY, stack.oldPrimary().jdbcUrl(""), user, PASSWORD),
            new Node("old-replica", Node.REPLICA, stack.oldReplica().jdbcUrl(""), user, PASSWORD)),
        List.of(
            new Node("new-primary", Node.PRIMARY, stack.newPrimary().jdbcUrl(""), user, PASSWORD),
            new Node("new-replica", Node.REPLICA, stack.newReplica().jdbcUrl(""), user, PASSWORD)));
  }

  private static Node node(String name, NodeRole role, String host, LocalMariaDb server) {
    return new Node(
        name,
        role,
        "jdbc:mysql://" + host + ":" + server.port() + "/?sslMode=DISABLED",
        MigrationStack.ADMIN_USER,
        MigrationStack.ADMIN_PASSWORD);
  }

  /** Account changes stay on each server: replicated, they would collide (error 1396). */
  private static void onEveryServer(String... statements) {
    String[] all = new String[statements.length + 1];
    all[0] = "SET SESSION sql_log_bin = 0";
    System.arraycopy(statements, 0, all, 1, statements.length);
    for (LocalMariaDb server : stack().mariaDbs()) {
      server.execute(all);
    }
  }
}
