package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MySqlDsnTest {

  @Test
  void readsEveryAcceptedForm() {
    assertThat(MySqlDsn.parse("mysql://ferry@db1.example:3307"))
        .isEqualTo(new MySqlDsn("ferry", Optional.empty(), "db1.example", 3307));
    assertThat(MySqlDsn.parse("ferry@10.0.0.5"))
        .isEqualTo(new MySqlDsn("ferry", Optional.empty(), "10.0.0.5", 3306));
    assertThat(MySqlDsn.parse("db1:3310"))
        .isEqualTo(new MySqlDsn("", Optional.empty(), "db1", 3310));
    assertThat(MySqlDsn.parse("mariadb://u:s3cret@[::1]:3306").password()).contains("s3cret");
  }

  @Test
  void buildsAJdbcUrlWithoutCredentials() {
    assertThat(MySqlDsn.parse("mysql://u:pw@127.0.0.1:3307").jdbcUrl())
        .isEqualTo("jdbc:mysql://127.0.0.1:3307/");
    assertThat(MySqlDsn.parse("u@[::1]:3307").jdbcUrl()).isEqualTo("jdbc:mysql://[::1]:3307/");
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(MySqlDsn.parse("mysql://u:pw@h:1").toString()).isEqualTo("u@h:1");
    assertThatThrownBy(() -> MySqlDsn.parse("postgres://u:topsecret@h:1"))
        .hasMessage(
            "DSN 'postgres://u:***@h:1' is not valid: the scheme must be mysql:// (or mariadb://)");
  }

  @Test
  void rejectsWhatIsNotADsn() {
    assertThatThrownBy(() -> MySqlDsn.parse("mysql://u@:3306"))
        .hasMessageContaining("is not valid");
    assertThatThrownBy(() -> MySqlDsn.parse("a b c"))
        .hasMessage("DSN 'a b c' is not valid: it is not of the form mysql://user@host:port");
  }
}
