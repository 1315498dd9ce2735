package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerVersionTest {

  private static final ServerVersion MARIADB_10_11 =
      ServerVersion.parse("10.11.19-MariaDB-0+deb12u1-log");
  private static final ServerVersion MARIADB_10_6 = ServerVersion.parse("10.6.16-MariaDB");
  private static final ServerVersion MYSQL_8_0 = ServerVersion.parse("8.0.36");

  @Test
  void readsFlavorAndVersion() {
    assertThat(MARIADB_10_11).isEqualTo(new ServerVersion(true, 10, 11));
    assertThat(ServerVersion.parse("8.4.0-commercial")).isEqualTo(new ServerVersion(false, 8, 4));
    assertThat(MARIADB_10_11.atLeast(10, 8)).isTrue();
    assertThat(MARIADB_10_6.atLeast(10, 8)).isFalse();
  }

  @Test
  void crcPairOnlyWhenBothSidesHaveCrc32c() {
    assertThat(RowHash.commonTo(MARIADB_10_11, MARIADB_10_11)).isEqualTo(RowHash.CRC32_PAIR);
    assertThat(RowHash.commonTo(MARIADB_10_11, MARIADB_10_6)).isEqualTo(RowHash.SHA1_PREFIX);
    assertThat(RowHash.commonTo(MYSQL_8_0, MARIADB_10_11)).isEqualTo(RowHash.SHA1_PREFIX);
    assertThat(RowHash.commonTo(MYSQL_8_0, MYSQL_8_0)).isEqualTo(RowHash.SHA1_PREFIX);
  }

  @Test
  void textWithoutAVersionIsRejectedWithTheText() {
    assertThatThrownBy(() -> ServerVersion.parse("unknown"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'unknown'");
  }
}
