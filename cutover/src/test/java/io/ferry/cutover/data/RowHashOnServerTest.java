package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.StackFixture;
import io.ferry.mysqlfacts.ServerDialect;
import io.ferry.testkit.LocalMariaDb;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The row encoding and hashes as a real MariaDB 10.11 computes them. */
class RowHashOnServerTest {

  private static final Column NAME = new Column("name", "varchar", true, false);
  private static final Column QTY = new Column("qty", "int", true, false);

  @Test
  void mariaDb1011GetsTheCrcPair() throws SQLException {
    ServerDialect version = ServerDialect.parse(query(server(), "SELECT @@version"));

    assertThat(RowHash.commonTo(version, version)).isEqualTo(RowHash.CRC32_PAIR);
  }

  @Test
  void serverHashesMatchTheirJavaDefinitions() throws SQLException {
    String row = "1#'apple'#NULL";

    assertThat(hashOnServer(RowHash.CRC32_PAIR, row))
        .isEqualTo(ChunkHashAggregateTest.crcPair(row));
    assertThat(hashOnServer(RowHash.SHA1_PREFIX, row))
        .isEqualTo(ChunkHashAggregateTest.sha1Prefix(row));
  }

  @Test
  void rowsThatANaiveConcatenationMergesStayApart() throws SQLException {
    createDatabase(
        "cut_hash",
        "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NULL, qty INT NULL)",
        "INSERT INTO items VALUES (1, NULL, 5), (2, '5', NULL), (3, '', NULL), (4, NULL, NULL),"
            + " (5, 'a#1', NULL), (6, 'a', 1), (7, 'x''', 1), (8, 'x\\\\', 1),"
            + " (9, 'NULL', NULL)");
    try {
      TableShape values = new TableShape("cut_hash", "items", List.of(NAME, QTY), List.of());
      String distinct =
          query(
              server(),
              "SELECT CONCAT(COUNT(DISTINCT CONCAT_WS('#', name, qty)), ' ', COUNT(DISTINCT "
                  + ChunkSql.rowEncoding(values)
                  + "), ' ', COUNT(DISTINCT "
                  + ChunkSql.rowHash(RowHash.CRC32_PAIR, values)
                  + ")) FROM cut_hash.items");

      assertThat(distinct).as("naive, encoding, hash").isEqualTo("6 9 9");
    } finally {
      dropDatabase("cut_hash");
    }
  }

  private static BigInteger hashOnServer(RowHash hash, String row) throws SQLException {
    return new BigInteger(query(server(), "SELECT " + hash.of("'" + row.replace("'", "''") + "'")));
  }

  private static LocalMariaDb server() {
    return StackFixture.stack().oldPrimary();
  }
}
