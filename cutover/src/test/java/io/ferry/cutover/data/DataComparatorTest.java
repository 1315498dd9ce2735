package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.onNewPrimaryOnly;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.NodeConnections;
import io.ferry.cutover.StackFixture;
import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.ColumnDifference;
import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.RowDifference.Kind;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data comparison against the real four-server stack; each test owns one database. */
class DataComparatorTest {

  private static final String ORDERS =
      "CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(20), note VARCHAR(20) NULL,"
          + " total DECIMAL(10,2))";
  private static final String FILL_ORDERS =
      "INSERT INTO orders SELECT seq, CONCAT('c', seq MOD 97), NULL, seq / 10 FROM seq_1_to_3000";

  @TempDir Path dir;

  @Test
  void identicalTablesMatchChunkByChunk() throws Exception {
    String db = "cut_data_same";
    createDatabase(db, ORDERS, FILL_ORDERS);
    try {
      List<TableDataResult> results = compare(options(db).chunkRows(500, 10, 500).build());

      assertThat(results).hasSize(1);
      TableDataResult orders = results.get(0);
      assertThat(orders.status()).as(orders.summary()).isEqualTo(Status.PASS);
      assertThat(orders.rowsOld()).isEqualTo(3000);
      assertThat(orders.rowsNew()).isEqualTo(3000);
      assertThat(orders.chunks()).isGreaterThanOrEqualTo(6);
    } finally {
      dropDatabase(db);
    }
  }

  /**
   * With chunks small enough that several are in flight on every lane when a differing one is
   * collected, whether each primary runs one, two or three chunks at once.
   */
  @ParameterizedTest(name = "chunk parallelism {0}")
  @ValueSource(ints = {1, 2, 3})
  void changedDeletedAndInsertedRowsOnOneSideArePinpointed(int parallelism) throws Exception {
    String db = "cut_data_drift";
    createDatabase(db, ORDERS, FILL_ORDERS);
    try {
      onNewPrimaryOnly(
          db,
          "UPDATE orders SET total = total + 1 WHERE id = 1234",
          "DELETE FROM orders WHERE id = 2500",
          "INSERT INTO orders VALUES (3001, 'intruder', NULL, 1)");

      TableDataResult orders =
          compare(options(db).chunkRows(100, 10, 150).chunkParallelism(parallelism).build()).get(0);

      assertThat(orders.status()).isEqualTo(Status.FAIL);
      assertThat(orders.chunks()).isGreaterThanOrEqualTo(20);
      assertThat(orders.finished()).isTrue();
      assertThat(orders.rowsOld()).isEqualTo(3000);
      assertThat(orders.rowsNew()).isEqualTo(3000);
      assertThat(rows(orders))
          .containsExactlyInAnyOrder(
              new RowDifference(
                  List.of("1234"),
                  Kind.CHANGED,
                  List.of(ColumnDifference.nameOnly("total", false))),
              new RowDifference(List.of("2500"), Kind.ONLY_OLD),
              new RowDifference(List.of("3001"), Kind.ONLY_NEW));
      for (ChunkDrift drift : orders.drift()) {
        assertThat(Math.max(drift.rowsOld(), drift.rowsNew())).isLessThanOrEqualTo(100);
      }
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void compositeKeysAreChunkedWithRowConstructors() throws Exception {
    String db = "cut_data_composite";
    createDatabase(
        db,
        "CREATE TABLE order_lines (tenant INT, line BIGINT, sku VARBINARY(8), qty INT,"
            + " PRIMARY KEY (tenant, line, sku))",
        "INSERT INTO order_lines SELECT seq MOD 7, seq, UNHEX(HEX(seq)), seq FROM seq_1_to_2000");
    try {
      onNewPrimaryOnly(db, "UPDATE order_lines SET qty = 0 WHERE tenant = 3 AND line = 1004");

      TableDataResult lines = compare(options(db).chunkRows(100, 10, 100).build()).get(0);

      assertThat(lines.chunks()).isGreaterThanOrEqualTo(20);
      assertThat(rows(lines))
          .containsExactly(
              new RowDifference(
                  List.of("3", "1004", "03EC"),
                  Kind.CHANGED,
                  List.of(ColumnDifference.nameOnly("qty", false))));
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void gapsInAnIntegerKeyAreCrossedAtOnceAndStillCovered() throws Exception {
    String db = "cut_data_gaps";
    createDatabase(
        db,
        "CREATE TABLE sparse (id BIGINT UNSIGNED PRIMARY KEY, v INT)",
        "INSERT INTO sparse SELECT seq, seq FROM seq_1_to_500",
        "INSERT INTO sparse SELECT seq * 1000000000, seq FROM seq_1_to_500");
    try {
      onNewPrimaryOnly(db, "INSERT INTO sparse VALUES (12345678, 0), (18446744073709551615, 0)");

      TableDataResult sparse = compare(options(db).chunkRows(100, 10, 100).build()).get(0);

      assertThat(sparse.chunks()).isLessThan(30);
      assertThat(rows(sparse))
          .containsExactly(
              new RowDifference(List.of("12345678"), Kind.ONLY_NEW),
              new RowDifference(List.of("18446744073709551615"), Kind.ONLY_NEW));
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void nullAndEmptyTextAreDifferent() throws Exception {
    String db = "cut_data_null";
    createDatabase(db, ORDERS, "INSERT INTO orders VALUES (1, 'a', NULL, 1), (2, 'b', '', 2)");
    try {
      onNewPrimaryOnly(
          db,
          "UPDATE orders SET note = '' WHERE id = 1",
          "UPDATE orders SET note = NULL WHERE id = 2");

      assertThat(rows(compare(options(db).showValues(true).build()).get(0)))
          .containsExactly(
              new RowDifference(
                  List.of("1"),
                  Kind.CHANGED,
                  List.of(new ColumnDifference("note", "NULL", "''", false))),
              new RowDifference(
                  List.of("2"),
                  Kind.CHANGED,
                  List.of(new ColumnDifference("note", "''", "NULL", false))));
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void changedColumnsAreNamedWithValuesOnlyWhenAskedAndNeverForSecrets() throws Exception {
    String db = "cut_data_columns";
    createDatabase(
        db,
        "CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(200), password_hash"
            + " VARBINARY(60), bio TEXT, logins INT NOT NULL, avatar BLOB)",
        "INSERT INTO accounts SELECT seq, CONCAT('u', seq, '@example.org'),"
            + " UNHEX(SHA1(seq)), 'short', seq, NULL FROM seq_1_to_300");
    try {
      onNewPrimaryOnly(
          db,
          "UPDATE accounts SET email = 'thief@example.org', password_hash = UNHEX('C0FFEE'),"
              + " bio = REPEAT('long text ', 20), logins = logins + 1 WHERE id = 42",
          "UPDATE accounts SET avatar = UNHEX('89504E47') WHERE id = 200");

      List<RowDifference> named = rows(compare(options(db).build()).get(0));
      List<RowDifference> shown = rows(compare(options(db).showValues(true).build()).get(0));

      assertThat(named)
          .containsExactly(
              new RowDifference(
                  List.of("42"),
                  Kind.CHANGED,
                  List.of(
                      ColumnDifference.nameOnly("email", false),
                      ColumnDifference.nameOnly("password_hash", true),
                      ColumnDifference.nameOnly("bio", false),
                      ColumnDifference.nameOnly("logins", false))),
              new RowDifference(
                  List.of("200"),
                  Kind.CHANGED,
                  List.of(ColumnDifference.nameOnly("avatar", false))));
      String longBio = "'" + "long text ".repeat(20).substring(0, 62) + "…";
      assertThat(shown)
          .containsExactly(
              new RowDifference(
                  List.of("42"),
                  Kind.CHANGED,
                  List.of(
                      new ColumnDifference(
                          "email", "'u42@example.org'", "'thief@example.org'", false),
                      ColumnDifference.nameOnly("password_hash", true),
                      new ColumnDifference("bio", "'short'", longBio, false),
                      new ColumnDifference("logins", "42", "43", false))),
              new RowDifference(
                  List.of("200"),
                  Kind.CHANGED,
                  List.of(new ColumnDifference("avatar", "NULL", "0x89504E47", false))));
      assertThat(longBio).hasSize(ColumnDifference.MAX_VALUE_CHARS);
      assertThat(shown.toString()).doesNotContainIgnoringCase("C0FFEE");
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void tableWithoutKeyIsHashedWholeAndDuplicatesDoNotCancel() throws Exception {
    String db = "cut_data_keyless";
    createDatabase(
        db,
        "CREATE TABLE same_log (line VARCHAR(10))",
        "INSERT INTO same_log VALUES ('x'), ('y')",
        "CREATE TABLE bag (line VARCHAR(10))");
    try {
      stackOldPrimaryOnly(db, "INSERT INTO bag VALUES ('A'), ('A'), ('B')");
      onNewPrimaryOnly(db, "INSERT INTO bag VALUES ('B'), ('C'), ('C')");

      List<TableDataResult> results = compare(options(db).build());

      TableDataResult bag = results.get(0);
      TableDataResult sameLog = results.get(1);
      assertThat(bag.table()).isEqualTo("bag");
      assertThat(bag.status()).isEqualTo(Status.FAIL);
      assertThat(bag.rowsOld()).isEqualTo(3);
      assertThat(bag.rowsNew()).isEqualTo(3);
      assertThat(sameLog.status()).isEqualTo(Status.WARN);
      assertThat(sameLog.summary()).contains("no primary key");
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void resumesFromACheckpointAndReportsProgress() throws Exception {
    String db = "cut_data_resume";
    createDatabase(
        db,
        ORDERS,
        FILL_ORDERS,
        "CREATE TABLE archive (id INT PRIMARY KEY)",
        "INSERT INTO archive SELECT seq FROM seq_1_to_10");
    try {
      TableDataResult archiveFromEarlierRun =
          new TableDataResult(db, "archive", Status.PASS, true, "earlier", 10, 10, 1, 0, List.of());
      Path file = dir.resolve("checkpoint.json");
      new CheckpointFile(file)
          .save(
              new Checkpoint(
                  List.of(archiveFromEarlierRun),
                  new Checkpoint.InProgress(
                      db, "orders", List.of("2000"), 2000, 2000, 4, 0, List.of())));
      List<ProgressListener.Progress> progress = new ArrayList<>();

      List<TableDataResult> results =
          compare(options(db).checkpointFile(file).progressListener(progress::add).build());

      assertThat(results.get(0)).isEqualTo(archiveFromEarlierRun);
      TableDataResult orders = results.get(1);
      assertThat(orders.rowsOld()).isEqualTo(3000);
      assertThat(orders.chunks()).isGreaterThan(4);
      assertThat(progress).isNotEmpty();
      assertThat(progress.get(progress.size() - 1).rowsDone()).isEqualTo(3010);
      assertThat(file).doesNotExist();
    } finally {
      dropDatabase(db);
    }
  }

  @Test
  void includeAndExcludeListsLimitTheTables() throws Exception {
    String db = "cut_data_filter";
    createDatabase(
        db,
        "CREATE TABLE keep_me (id INT PRIMARY KEY)",
        "CREATE TABLE skip_me (id INT PRIMARY KEY)");
    try {
      List<TableDataResult> results =
          compare(
              ComparisonOptions.builder()
                  .tableFilter(new TableFilter(List.of(db), List.of(db + ".skip_*")))
                  .build());

      assertThat(results).extracting(TableDataResult::table).containsExactly("keep_me");
    } finally {
      dropDatabase(db);
    }
  }

  private static void stackOldPrimaryOnly(String db, String sql) {
    StackFixture.stack().oldPrimary().execute("SET SESSION sql_log_bin = 0", "USE " + db, sql);
  }

  private static ComparisonOptions.Builder options(String db) {
    return ComparisonOptions.builder()
        .tableFilter(new TableFilter(List.of(db), List.of()))
        .gtidWaitTimeout(Duration.ofSeconds(10))
        .recheckAttempts(2);
  }

  static List<TableDataResult> compare(ComparisonOptions options) throws Exception {
    try (NodeConnections connections =
        new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(60))) {
      return new DataComparator(StackFixture.topology(), options, connections).compare();
    }
  }

  private static List<RowDifference> rows(TableDataResult table) {
    List<RowDifference> rows = new ArrayList<>();
    table.drift().forEach(drift -> rows.addAll(drift.rows()));
    return rows;
  }
}
