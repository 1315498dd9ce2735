package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.mysqlfacts.ServerDialect;
import org.junit.jupiter.api.Test;

class RowHashTest {

  private static final ServerDialect MARIADB_10_11 =
      ServerDialect.parse("10.11.19-MariaDB-0+deb12u1-log");
  private static final ServerDialect MARIADB_10_6 = ServerDialect.parse("10.6.16-MariaDB");
  private static final ServerDialect MYSQL_8_0 = ServerDialect.parse("8.0.36");

  @Test
  void crcPairOnlyWhenBothSidesHaveCrc32c() {
    assertThat(RowHash.commonTo(MARIADB_10_11, MARIADB_10_11)).isEqualTo(RowHash.CRC32_PAIR);
    assertThat(RowHash.commonTo(MARIADB_10_11, MARIADB_10_6)).isEqualTo(RowHash.SHA1_PREFIX);
    assertThat(RowHash.commonTo(MYSQL_8_0, MARIADB_10_11)).isEqualTo(RowHash.SHA1_PREFIX);
    assertThat(RowHash.commonTo(MYSQL_8_0, MYSQL_8_0)).isEqualTo(RowHash.SHA1_PREFIX);
  }
}
