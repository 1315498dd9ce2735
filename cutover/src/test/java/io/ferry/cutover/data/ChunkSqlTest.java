package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkSqlTest {

  private static final Column TENANT = new Column("tenant", "int", false, true);
  private static final Column ID = new Column("id", "bigint", false, false);
  private static final Column NOTE = new Column("note", "varchar", true, false);
  private static final Column AT = new Column("at", "datetime", false, false);

  private static final TableShape COMPOSITE =
      new TableShape("shop", "lines", List.of(TENANT, ID, NOTE, AT), List.of(TENANT, ID));

  @Test
  void rowEncodingPrefixesFreeFormValuesWithTheirLengthAndMarksNullNumbers() {
    assertThat(ChunkSql.rowEncoding(COMPOSITE))
        .isEqualTo(
            "CONCAT_WS(_binary'#', `tenant`, `id`, IFNULL(LENGTH(`note`), -1),"
                + " CAST(`note` AS BINARY), `at`)");
  }

  @Test
  void textAndBitsCarryTheirLengthEvenWhenNotNullAndNumbersAnNWhenNull() {
    Column code = new Column("code", "char", false, false);
    Column flags = new Column("flags", "bit", false, false);
    Column qty = new Column("qty", "int", true, false);
    Column placed = new Column("placed", "datetime", true, false);
    TableShape shape = new TableShape("d", "t", List.of(ID, code, flags, qty, placed), List.of(ID));

    assertThat(ChunkSql.rowEncoding(shape))
        .isEqualTo(
            "CONCAT_WS(_binary'#', `id`, LENGTH(`code`), CAST(`code` AS BINARY),"
                + " LENGTH(`flags`), CAST(`flags` AS BINARY), IFNULL(`qty`, _binary'N'),"
                + " IFNULL(`placed`, _binary'N'))");
  }

  @Test
  void rowHashWrapsTheEncodingInTheChosenHash() {
    TableShape numbers = new TableShape("d", "t", List.of(ID), List.of(ID));

    assertThat(ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.EACH_USE, numbers))
        .isEqualTo(
            "(CRC32(CONCAT_WS(_binary'#', `id`)) << 32 | CRC32C(CONCAT_WS(_binary'#', `id`)))");
    assertThat(ChunkSql.rowHash(RowHash.SHA1_PREFIX, EncodingUse.EACH_USE, numbers))
        .isEqualTo("CAST(CONV(LEFT(SHA1(CONCAT_WS(_binary'#', `id`)), 16), 16, 10) AS UNSIGNED)");
  }

  @Test
  void encodingBuiltOncePerRowIsAssignedBeforeItIsRead() {
    TableShape numbers = new TableShape("d", "t", List.of(ID), List.of(ID));

    assertThat(ChunkSql.rowHash(RowHash.CRC32_PAIR, EncodingUse.ONCE_PER_ROW, numbers))
        .isEqualTo("(CRC32(@ferry_row := CONCAT_WS(_binary'#', `id`)) << 32 | CRC32C(@ferry_row))");
    assertThat(ChunkSql.rowHash(RowHash.SHA1_PREFIX, EncodingUse.ONCE_PER_ROW, numbers))
        .as("SHA1 uses the encoding once anyway")
        .isEqualTo(ChunkSql.rowHash(RowHash.SHA1_PREFIX, EncodingUse.EACH_USE, numbers));
  }

  @Test
  void rowDigestOfNotNullNumbersQuotesNothing() {
    TableShape numbers = new TableShape("d", "t", List.of(ID), List.of(ID));

    assertThat(ChunkSql.rowDigest(numbers)).isEqualTo("SHA1(CONCAT_WS(_binary'#', `id`))");
  }

  @Test
  void checksumOfAMiddleChunkSpellsTheCompositeKeyComparisonOut() {
    ChunkRange range = new ChunkRange(List.of("1", "10"), List.of("2", "99"));

    assertThat(ChunkSql.checksum(RowHash.SHA1_PREFIX, EncodingUse.EACH_USE, COMPOSITE, range))
        .isEqualTo(
            "SELECT COUNT(*), COALESCE(SUM("
                + ChunkSql.rowHash(RowHash.SHA1_PREFIX, EncodingUse.EACH_USE, COMPOSITE)
                + "), 0) FROM `shop`.`lines` FORCE INDEX (PRIMARY)"
                + " WHERE ((`tenant` > CAST(? AS UNSIGNED))"
                + " OR (`tenant` = CAST(? AS UNSIGNED) AND `id` > CAST(? AS SIGNED)))"
                + " AND ((`tenant` < CAST(? AS UNSIGNED))"
                + " OR (`tenant` = CAST(? AS UNSIGNED) AND `id` <= CAST(? AS SIGNED)))");
    assertThat(ChunkSql.parameters(COMPOSITE, range))
        .containsExactly("1", "1", "10", "2", "2", "99");
  }

  @Test
  void firstAndLastChunksAreOpenAtTheirEnds() {
    TableShape single = new TableShape("d", "t", List.of(ID, NOTE), List.of(ID));

    assertThat(
            ChunkSql.checksum(
                RowHash.CRC32_PAIR,
                EncodingUse.ONCE_PER_ROW,
                single,
                new ChunkRange(List.of(), List.of("5"))))
        .endsWith("FORCE INDEX (PRIMARY) WHERE `id` <= CAST(? AS SIGNED)");
    assertThat(
            ChunkSql.checksum(
                RowHash.CRC32_PAIR,
                EncodingUse.ONCE_PER_ROW,
                single,
                new ChunkRange(List.of("5"), List.of())))
        .endsWith("FORCE INDEX (PRIMARY) WHERE `id` > CAST(? AS SIGNED)");
  }

  @Test
  void upperBoundaryWalksTheKeyInOrderWithAnOffset() {
    assertThat(ChunkSql.upperBoundary(COMPOSITE, new ChunkRange(List.of("1", "10"), List.of())))
        .isEqualTo(
            "SELECT `tenant`, `id` FROM `shop`.`lines` FORCE INDEX (PRIMARY)"
                + " WHERE ((`tenant` > CAST(? AS UNSIGNED))"
                + " OR (`tenant` = CAST(? AS UNSIGNED) AND `id` > CAST(? AS SIGNED)))"
                + " ORDER BY `tenant`, `id` LIMIT 1 OFFSET ?");
  }

  @Test
  void keysOfOtherTypesTravelAsTextOrHex() {
    Column name = new Column("name", "varchar", false, false);
    Column hash = new Column("hash", "varbinary", false, false);
    TableShape shape = new TableShape("d", "t", List.of(name, AT, hash), List.of(name, AT, hash));

    assertThat(ChunkSql.rowDigests(shape, new ChunkRange(List.of("a", "b", "c"), List.of())))
        .startsWith("SELECT CAST(`name` AS CHAR), CAST(`at` AS CHAR), HEX(`hash`), SHA1(")
        .contains("(`name` = ? AND `at` = ? AND `hash` > UNHEX(?))")
        .endsWith("ORDER BY `name`, `at`, `hash`");
  }

  @Test
  void lastKeyAndKeyOrderQueries() {
    assertThat(ChunkSql.lastKey(COMPOSITE))
        .isEqualTo(
            "SELECT `tenant`, `id` FROM `shop`.`lines` FORCE INDEX (PRIMARY)"
                + " ORDER BY `tenant` DESC, `id` DESC LIMIT 1");
    assertThat(ChunkSql.keyGreater(COMPOSITE))
        .isEqualTo(
            "SELECT (CAST(? AS UNSIGNED), CAST(? AS SIGNED)) > (CAST(? AS UNSIGNED), CAST(? AS SIGNED))");
  }

  @Test
  void changedRowsAreReadBackByKeyWithEachColumnAsDistinctTextAndSecretsHashed() {
    Column hash = new Column("password_hash", "varbinary", true, false);
    Column blob = new Column("avatar", "blob", true, false);
    TableShape shape =
        new TableShape("shop", "lines", List.of(TENANT, ID, NOTE, hash, blob), List.of(TENANT, ID));

    assertThat(ChunkSql.rowsByKeys(shape, 2))
        .isEqualTo(
            "SELECT `tenant`, `id`, `tenant`, `id`, QUOTE(`note`),"
                + " SHA1(IF(`password_hash` IS NULL, 'NULL', CONCAT('0x', HEX(`password_hash`)))),"
                + " IF(`avatar` IS NULL, 'NULL', CONCAT('0x', HEX(`avatar`)))"
                + " FROM `shop`.`lines` FORCE INDEX (PRIMARY)"
                + " WHERE (`tenant` = CAST(? AS UNSIGNED) AND `id` = CAST(? AS SIGNED))"
                + " OR (`tenant` = CAST(? AS UNSIGNED) AND `id` = CAST(? AS SIGNED))");
  }

  @Test
  void tableWithoutKeyIsHashedWhole() {
    TableShape keyless = new TableShape("d", "log", List.of(NOTE), List.of());

    assertThat(
            ChunkSql.checksum(
                RowHash.CRC32_PAIR, EncodingUse.ONCE_PER_ROW, keyless, ChunkRange.WHOLE_TABLE))
        .endsWith("FROM `d`.`log`")
        .doesNotContain("FORCE INDEX");
  }

  @Test
  void identifiersWithBackticksAreEscaped() {
    Column odd = new Column("we`ird", "int", false, false);

    assertThat(new TableShape("d`b", "t", List.of(odd), List.of(odd)).quotedName())
        .isEqualTo("`d``b`.`t`");
    assertThat(odd.quoted()).isEqualTo("`we``ird`");
  }
}
