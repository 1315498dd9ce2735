package io.ferry.cutover.data;

import static io.ferry.cutover.StackFixture.createDatabase;
import static io.ferry.cutover.StackFixture.dropDatabase;
import static io.ferry.cutover.StackFixture.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.StackFixture;
import io.ferry.mysqlfacts.ServerDialect;
import io.ferry.testkit.LocalMariaDb;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
                  + ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.EACH_USE, values)
                  + ")) FROM cut_hash.items");

      assertThat(distinct).as("naive, encoding, hash").isEqualTo("6 9 9");
    } finally {
      dropDatabase("cut_hash");
    }
  }

  /**
   * Pairs of rows whose values run into each other when written one after the other: every row must
   * still encode and hash apart, with two free-text columns side by side, a bit column, a latin1
   * column next to utf8mb4 ones (no "illegal mix of collations", no conversion making two values
   * alike) and values holding the separator, digits, {@code N} and {@code -1}.
   */
  @Test
  void rowsWhoseValuesRunIntoEachOtherStayApart() throws SQLException {
    createDatabase(
        "cut_hash_mixed",
        "CREATE TABLE items (id INT PRIMARY KEY, a VARCHAR(20) CHARACTER SET utf8mb4 NULL,"
            + " b VARCHAR(20) CHARACTER SET latin1 NULL, n INT NULL, f BIT(8) NULL)",
        "INSERT INTO items VALUES (1, '1#x', NULL, NULL, NULL), (2, '1', 'x', NULL, NULL),"
            + " (3, NULL, '1#x', NULL, NULL), (4, '', '', NULL, NULL), (5, NULL, NULL, NULL, NULL),"
            + " (6, '', NULL, NULL, NULL), (7, NULL, '', NULL, NULL), (8, 'N', NULL, NULL, NULL),"
            + " (9, NULL, NULL, NULL, b'01001110'), (10, '-1', NULL, NULL, NULL),"
            + " (11, NULL, NULL, -1, NULL), (12, '2#ab', 'c', NULL, NULL),"
            + " (13, '2#a', 'bc', NULL, NULL), (14, 'caf\u00e9', NULL, 1, NULL),"
            + " (15, NULL, 'caf\u00e9', 1, NULL), (16, NULL, NULL, NULL, b'00100011')");
    try {
      TableShape values =
          new TableShape(
              "cut_hash_mixed",
              "items",
              List.of(
                  new Column("a", "varchar", true, false),
                  new Column("b", "varchar", true, false),
                  new Column("n", "int", true, false),
                  new Column("f", "bit", true, false)),
              List.of());
      String distinct =
          query(
              server(),
              "SELECT CONCAT(COUNT(DISTINCT "
                  + ChunkSql.rowEncoding(values)
                  + "), ' ', COUNT(DISTINCT "
                  + ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.EACH_USE, values)
                  + "), ' ', COUNT(DISTINCT "
                  + ChunkSql.rowHash(RowHash.SHA1_PREFIX, EncodingUse.EACH_USE, values)
                  + "), ' ', CHARSET("
                  + ChunkSql.rowEncoding(values)
                  + ")) FROM cut_hash_mixed.items");

      assertThat(distinct)
          .as("encodings, CRC pairs, SHA1 prefixes, charset")
          .isEqualTo("16 16 16 binary");
    } finally {
      dropDatabase("cut_hash_mixed");
    }
  }

  @Test
  void mariaDb1011BuildsTheEncodingOncePerRow() throws SQLException {
    try (Connection connection = server().connectAdmin()) {
      assertThat(EncodingUse.of(connection, RowHash.CRC32_PAIR))
          .isEqualTo(EncodingUse.ONCE_PER_ROW);
    }
  }

  @Test
  void probeCatchesAnEncodingReadBeforeItIsAssigned() throws SQLException {
    String each = EncodingUse.EACH_USE.rowHash(RowHash.CRC32_PAIR, EncodingUse.PROBE_ROW);
    String once = EncodingUse.ONCE_PER_ROW.rowHash(RowHash.CRC32_PAIR, EncodingUse.PROBE_ROW);
    String readFirst =
        "(CRC32C(@ferry_row) | CRC32(@ferry_row := " + EncodingUse.PROBE_ROW + ") << 32)";
    try (Connection connection = server().connectAdmin()) {
      assertThat(EncodingUse.sameOnProbeRows(connection, readFirst, each))
          .as("fresh connection")
          .isFalse();
      assertThat(EncodingUse.sameOnProbeRows(connection, once, each)).isTrue();
      assertThat(EncodingUse.sameOnProbeRows(connection, readFirst, each))
          .as("after the variable was set")
          .isFalse();
    }
  }

  @Test
  void encodingBuiltOncePerRowHashesEveryRowAsBuildingItForEachUse() throws SQLException {
    createDatabase(
        "cut_hash_once",
        "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20) NULL, qty INT NULL,"
            + " body TEXT NULL, code VARBINARY(8) NULL, title VARCHAR(20) CHARACTER SET latin1)",
        "INSERT INTO items SELECT seq, IF(seq MOD 3 = 0, NULL, CONCAT('n', seq)),"
            + " IF(seq MOD 5 = 0, NULL, seq), IF(seq MOD 7 = 0, NULL, REPEAT('x', seq * 37)),"
            + " IF(seq MOD 11 = 0, NULL, UNHEX(HEX(seq * 7919))), CONCAT('caf', CHAR(233), seq)"
            + " FROM seq_1_to_300");
    TableShape shape =
        new TableShape(
            "cut_hash_once",
            "items",
            List.of(
                new Column("id", "int", false, false),
                NAME,
                QTY,
                new Column("body", "text", true, false),
                new Column("code", "varbinary", true, false),
                new Column("title", "varchar", true, false)),
            List.of(new Column("id", "int", false, false)));
    try (Connection connection = server().connectAdmin()) {
      List<String> once = new ArrayList<>();
      List<String> each = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "SELECT "
                      + ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.ONCE_PER_ROW, shape)
                      + ", "
                      + ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.EACH_USE, shape)
                      + " FROM cut_hash_once.items ORDER BY id")) {
        while (rows.next()) {
          once.add(rows.getString(1));
          each.add(rows.getString(2));
        }
      }
      ChunkChecksum chunk =
          new ChunkQueries(connection, RowHash.CRC32_PAIR)
              .checksum(shape, new ChunkRange(List.of("10"), List.of("250")));

      assertThat(once).hasSize(300).doesNotContainNull().isEqualTo(each);
      assertThat(chunk.rows()).isEqualTo(240);
      assertThat(new BigInteger(chunk.hashSum()))
          .isEqualTo(
              each.subList(10, 250).stream().map(BigInteger::new).reduce(BigInteger::add).get());
    } finally {
      dropDatabase("cut_hash_once");
    }
  }

  private static BigInteger hashOnServer(RowHash hash, String row) throws SQLException {
    return new BigInteger(query(server(), "SELECT " + hash.of("'" + row.replace("'", "''") + "'")));
  }

  private static LocalMariaDb server() {
    return StackFixture.stack().oldPrimary();
  }
}
