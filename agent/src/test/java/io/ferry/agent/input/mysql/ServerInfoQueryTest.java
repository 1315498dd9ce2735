package io.ferry.agent.input.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.mysqlfacts.Flavor;
import io.ferry.mysqlfacts.ServerVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerInfoQueryTest {

  @Test
  void recordedMariadbIsDetectedFromItsVersionEvenThoughTheCommentOnlyNamesTheDistro() {
    ServerInfo info = ServerInfoQuery.parse(VerticalFixture.rows("mariadb-10.11-server-info.txt"));

    assertThat(info)
        .isEqualTo(
            new ServerInfo(
                Flavor.MARIADB, ServerVersion.of(10, 11, 19), "10.11.19-MariaDB-0+deb12u1-log"));
  }

  @Test
  void mysqlIsEverythingElse() {
    ServerInfo info = ServerInfoQuery.parse(VerticalFixture.rows("mysql-8.0-server-info.txt"));

    assertThat(info).isEqualTo(new ServerInfo(Flavor.MYSQL, ServerVersion.of(8, 0, 36), "8.0.36"));
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(ServerVersion.parse("10.11.2").atLeast(ServerVersion.of(10, 5, 1))).isTrue();
    assertThat(ServerVersion.parse("8.0.9-log").atLeast(ServerVersion.of(8, 0, 22))).isFalse();
    assertThat(ServerVersion.parse("8.0.22").atLeast(ServerVersion.of(8, 0, 22))).isTrue();
  }

  @Test
  void anUnreadableVersionSaysWhatItGot() {
    Row row = Row.of(List.of("version", "version_comment"), List.of("unknown", ""));

    assertThatThrownBy(() -> ServerInfoQuery.parse(List.of(row)))
        .isInstanceOf(UnexpectedValueException.class)
        .hasMessage("column VERSION(): 'unknown' does not start with major.minor.patch");
  }
}
