package io.ferry.cutover;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.onNewPrimaryOnly;
import static io.ferry.cutover.StackFixture.query;
import static io.ferry.cutover.StackFixture.stack;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.check.GrantsCheck;
import io.ferry.cutover.data.TableFilter;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.ComparisonReport;
import io.ferry.cutover.report.ReportJson;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.Verdict;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MigrationStack;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole comparisons against the real four-server stack: identical clusters are a GO, and each
 * injected difference is found, pinpointed and sets its exit-code bit. Each test owns a database
 * and restores whatever server setting it changed.
 */
class CutoverComparisonTest {

  private static final String SHOP =
      "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(20), total DECIMAL(10,2),"
          + " KEY by_customer (customer))";
  private static final String FILL =
      "INSERT INTO orders SELECT seq, CONCAT('c', seq MOD 50), seq FROM seq_1_to_2000";

  /** A one-row database for the tests about other families: zero tables compared is no GO. */
  private static final String TINY = "cut_tiny";

  @BeforeAll
  static void createTinyDatabase() {
    createDatabase(TINY, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1)");
  }

  @AfterAll
  static void dropTinyDatabase() {
    dropDatabase(TINY);
  }

  @Test
  void nothingToCompareIsNoGo() throws Exception {
    ComparisonReport report = run("cut_no_such_database");

    assertThat(report.verdict()).isEqualTo(Verdict.NO_GO);
    assertThat(report.exitCode()).as(failures(report)).isEqualTo(64);
    assertThat(report.checks())
        .filteredOn(check -> check.status() == Status.FAIL)
        .singleElement()
        .satisfies(
            check -> {
              assertThat(check.family()).isEqualTo(CheckFamily.DATA);
              assertThat(check.summary()).contains("no table was compared");
            });
  }

  @Test
  void identicalClustersAreAGo() throws Exception {
    String db = "cut_go";
    createDatabase(db, SHOP, FILL);
    try {
      ComparisonReport report = run(db);

      assertThat(report.exitCode()).as(failures(report)).isZero();
      assertThat(report.verdict()).isEqualTo(Verdict.GO);
      assertThat(report.checks())
          .extracting(CheckResult::family)
          .contains(
              CheckFamily.ACCESS,
              CheckFamily.REPLICATION,
              CheckFamily.SCHEMA,
              CheckFamily.CONFIGURATION,
              CheckFamily.GRANTS);
      assertThat(report.tables())
          .singleElement()
          .satisfies(t -> assertThat(t.rowsOld()).isEqualTo(2000));
      assertThat(new ReportJson().write(report)).doesNotContain(MigrationStack.ADMIN_PASSWORD);
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void rowDriftSetsTheDataBit() throws Exception {
    String db = "cut_rows";
    createDatabase(db, SHOP, FILL);
    try {
      onNewPrimaryOnly(db, "DELETE FROM orders WHERE id = 777");

      ComparisonReport report = run(db);

      assertThat(report.exitCode()).as(failures(report)).isEqualTo(1);
      assertThat(report.tables().get(0).summary()).contains("(rows old 2,000, new 1,999)");
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void columnTypeChangeAndMissingIndexSetTheSchemaBit() throws Exception {
    String db = "cut_schema";
    createDatabase(db, SHOP);
    try {
      onNewPrimaryOnly(
          db, "ALTER TABLE orders MODIFY total FLOAT", "ALTER TABLE orders DROP INDEX by_customer");

      ComparisonReport report = run(db);

      assertThat(report.exitCode() & 2).isEqualTo(2);
      assertThat(result(report, "columns").evidence())
          .singleElement()
          .asString()
          .contains("cut_schema.orders.total", "decimal(10,2)", "float");
      assertThat(result(report, "indexes").evidence())
          .containsExactly("only on old: cut_schema.orders.by_customer");
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void changedSqlModeSetsTheConfigurationBit() throws Exception {
    LocalMariaDb newPrimary = stack().newPrimary();
    String original = query(newPrimary, "SELECT @@GLOBAL.sql_mode");
    try {
      newPrimary.execute("SET GLOBAL sql_mode = 'ANSI_QUOTES'");

      ComparisonReport report = run(TINY);

      assertThat(report.exitCode()).as(failures(report)).isEqualTo(8);
      assertThat(result(report, "behaviour-changing variables").summary())
          .contains("sql_mode", "ANSI_QUOTES");
    } finally {
      newPrimary.execute("SET GLOBAL sql_mode = '" + original + "'");
    }
  }

  @Test
  void missingGrantSetsTheGrantsBit() throws Exception {
    LocalMariaDb oldPrimary = stack().oldPrimary();
    oldPrimary.execute(
        "CREATE USER cut_app@'10.%' IDENTIFIED BY 'app-secret'",
        "GRANT SELECT, INSERT ON cut_shop.* TO cut_app@'10.%'");
    StackFixture.awaitReplication();
    try {
      stack()
          .newPrimary()
          .execute(
              "SET SESSION sql_log_bin = 0",
              "REVOKE INSERT ON cut_shop.* FROM cut_app@'10.%'",
              "GRANT SELECT ON cut_s9.* TO cut_app@'10.%'",
              "GRANT UPDATE (id) ON cut_tiny.t TO cut_app@'10.%'");

      ComparisonReport report = run(TINY);

      assertThat(report.exitCode()).as(failures(report)).isEqualTo(16);
      assertThat(result(report, "users and grants").evidence())
          .containsExactly(
              "cut_app@10.%: INSERT on cut_shop.* only on old",
              "cut_app@10.%: SELECT on cut_s9.* only on new",
              "cut_app@10.%: UPDATE (id) on cut_tiny.t only on new");
      assertThat(new ReportJson().write(report)).doesNotContain("app-secret");
    } finally {
      oldPrimary.execute("DROP USER cut_app@'10.%'");
      StackFixture.awaitReplication();
    }
  }

  @Test
  void badAutoIncrementSetsTheReplicationBit() throws Exception {
    LocalMariaDb newPrimary = stack().newPrimary();
    try {
      newPrimary.execute("SET GLOBAL auto_increment_increment = 1");

      ComparisonReport report = run(TINY);

      assertThat(report.exitCode()).as(failures(report)).isEqualTo(4);
      assertThat(result(report, "auto increment").summary())
          .contains("new-primary", "auto_increment_increment=1");
    } finally {
      newPrimary.execute("SET GLOBAL auto_increment_increment = 2");
    }
  }

  @Test
  void stoppedReplicaThreadSetsTheReplicationBit() throws Exception {
    LocalMariaDb newReplica = stack().newReplica();
    try {
      newReplica.execute("STOP SLAVE SQL_THREAD");

      ComparisonReport report = run(TINY);

      assertThat(report.exitCode()).as(failures(report)).isEqualTo(4);
      assertThat(result(report, "replica threads").summary())
          .contains("new-replica", "sql=STOPPED");
    } finally {
      newReplica.execute("START SLAVE SQL_THREAD");
    }
  }

  @Test
  void transactionWrittenOnlyOnTheNewReplicaIsErrant() throws Exception {
    LocalMariaDb newReplica = stack().newReplica();
    String db = "cut_errant";
    createDatabase(db, "CREATE TABLE t (id INT PRIMARY KEY)");
    String stateBefore = query(newReplica, "SELECT @@GLOBAL.gtid_binlog_state");
    try {
      newReplica.execute("SET SESSION gtid_domain_id = 44", "INSERT INTO " + db + ".t VALUES (1)");

      ComparisonReport report = run(db);

      assertThat(report.exitCode() & 4).as(failures(report)).isEqualTo(4);
      assertThat(result(report, "errant transactions").summary())
          .contains("domain 44 server 4", "[new-replica]");
    } finally {
      // nothing replicates from the new replica, so its binary log can be reset to the state it
      // had, which forgets the errant transaction
      newReplica.execute(
          "SET SESSION sql_log_bin = 0",
          "DELETE FROM " + db + ".t",
          "RESET MASTER",
          "SET GLOBAL gtid_binlog_state = '" + stateBefore + "'");
      dropDatabase(db);
    }
  }

  @Test
  void aFamilyThatThrowsCouldNotFinishAndTheOthersGoOn() throws Exception {
    CutoverCheck broken =
        new CutoverCheck() {
          @Override
          public CheckFamily family() {
            return CheckFamily.SCHEMA;
          }

          @Override
          public List<CheckResult> run(CheckContext ctx) throws SQLException {
            throw new SQLException("Communications link failure");
          }
        };
    CutoverComparison comparison =
        new CutoverComparison(List.of(broken, new GrantsCheck()), Clock.systemUTC());

    ComparisonReport report = comparison.run(StackFixture.topology(), options(TINY));

    assertThat(report.exitCode()).isEqualTo(64);
    List<CheckResult> families =
        report.checks().stream().filter(check -> check.family() != CheckFamily.ACCESS).toList();
    assertThat(families)
        .extracting(CheckResult::name)
        .containsExactly(CheckResult.COULD_NOT_FINISH, "users and grants");
    assertThat(families.get(0).summary()).contains("Communications link failure");
  }

  private static ComparisonReport run(String db) throws InterruptedException {
    return new CutoverComparison().run(StackFixture.topology(), options(db));
  }

  private static ComparisonOptions options(String db) {
    return ComparisonOptions.builder()
        .tableFilter(new TableFilter(List.of(db), List.of()))
        .gtidWaitTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static CheckResult result(ComparisonReport report, String name) {
    return report.checks().stream()
        .filter(check -> check.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result named " + name + ": " + report.checks()));
  }

  private static String failures(ComparisonReport report) {
    return report.checks().stream()
            .filter(check -> check.status() == Status.FAIL)
            .map(check -> check.family() + "/" + check.name() + ": " + check.evidence())
            .collect(Collectors.joining("\n"))
        + report.tables().stream()
            .filter(table -> table.status() == Status.FAIL)
            .map(table -> "\n" + table.qualifiedName() + ": " + table.summary())
            .collect(Collectors.joining());
  }
}
