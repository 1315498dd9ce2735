package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.SslMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MySqlOptionFileTest {

  @Test
  void readsTheClientSectionOnly() {
    ClientDefaults defaults =
        MySqlOptionFile.parse(
            List.of(
                "# a DBA's ~/.my.cnf",
                "[mysqld]",
                "port = 9999",
                "socket = /run/mysqld/mysqld.sock",
                "[client]",
                "user = ferry",
                "password = 'p#ss word'",
                "port=3307",
                "ssl_ca = /etc/mysql/ca.pem",
                "ssl-verify-server-cert",
                "default-character-set = utf8mb4",
                "[mysqldump]",
                "user = backup"),
            "my.cnf");

    assertThat(defaults.user()).contains("ferry");
    assertThat(defaults.password()).contains("p#ss word");
    assertThat(defaults.port()).contains(3307);
    assertThat(defaults.host()).isEmpty();
    assertThat(defaults.sslCa()).contains(Path.of("/etc/mysql/ca.pem"));
    assertThat(defaults.sslMode()).contains(SslMode.VERIFY_IDENTITY);
    assertThat(defaults.toString()).doesNotContain("p#ss");
  }

  @Test
  void sslAloneRequiresTlsAndAnExplicitModeWins() {
    assertThat(MySqlOptionFile.parse(List.of("[client]", "ssl"), "f").sslMode())
        .contains(SslMode.REQUIRED);
    assertThat(MySqlOptionFile.parse(List.of("[client]", "ssl = 0"), "f").sslMode())
        .isEqualTo(Optional.empty());
    assertThat(
            MySqlOptionFile.parse(List.of("[client]", "ssl-mode=VERIFY_CA", "ssl"), "f").sslMode())
        .contains(SslMode.VERIFY_CA);
  }

  @Test
  void refusesConnectionOptionsItCannotHonourNamingFileAndLine() {
    assertThatThrownBy(
            () ->
                MySqlOptionFile.parse(
                    List.of("[client]", "socket = /run/mysqld/mysqld.sock"), "my.cnf"))
        .hasMessageStartingWith("my.cnf line 2: option 'socket' is not supported");
    assertThatThrownBy(
            () -> MySqlOptionFile.parse(List.of("[client]", "", "ssl-cipher = AES"), "my.cnf"))
        .hasMessageStartingWith("my.cnf line 3: option 'ssl-cipher' is not supported");
    assertThatThrownBy(() -> MySqlOptionFile.parse(List.of("!includedir /etc/my.d"), "my.cnf"))
        .hasMessage("my.cnf line 1: !includedir is not supported; name the file directly");
    assertThatThrownBy(() -> MySqlOptionFile.parse(List.of("[client]", "port = x"), "my.cnf"))
        .hasMessage("my.cnf line 2: port 'x' is not a TCP port");
  }
}
