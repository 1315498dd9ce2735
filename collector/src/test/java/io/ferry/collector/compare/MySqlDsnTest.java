package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.SslMode;
import io.ferry.cutover.TlsOptions;
import java.nio.file.Path;
import java.util.List;
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

  @Test
  void readsTlsOptionsFromTheQuery() {
    MySqlDsn dsn =
        MySqlDsn.parse(
            "mysql://u@db1:3307?ssl-mode=verify_identity&ssl_ca=/etc/ca.pem"
                + "&ssl-cert=/etc/c.pem&ssl-key=/etc/k.pem");

    assertThat(dsn.tls())
        .isEqualTo(
            new TlsOptions(
                Optional.of(SslMode.VERIFY_IDENTITY),
                Optional.of(Path.of("/etc/ca.pem")),
                Optional.of(Path.of("/etc/c.pem")),
                Optional.of(Path.of("/etc/k.pem"))));
    assertThat(MySqlDsn.parse("u@db1?ssl-ca=/etc/ca.pem").tls().effectiveMode())
        .contains(SslMode.VERIFY_CA);
  }

  @Test
  void refusesOptionsItCannotHonourNamingThem() {
    assertThatThrownBy(() -> MySqlDsn.parse("u@db1?socket=/run/mysqld/mysqld.sock"))
        .hasMessageStartingWith("DSN 'u@db1?socket=/run/mysqld/mysqld.sock' is not valid:")
        .hasMessageContaining("option 'socket' is not supported");
    assertThatThrownBy(() -> MySqlDsn.parse("u@db1?ssl-capath=/etc/certs"))
        .hasMessageEndingWith(
            "unknown option 'ssl-capath'; known: ssl-mode, ssl-ca, ssl-cert, ssl-key");
    assertThatThrownBy(() -> MySqlDsn.parse("u@db1?ssl-mode=REQUIRED&ssl-ca=/etc/ca.pem"))
        .hasMessageContaining("which does not verify the server");
    assertThatThrownBy(() -> MySqlDsn.parse("u@db1?ssl-cert=/etc/c.pem"))
        .hasMessageContaining("ssl-cert is given without ssl-key");
    assertThatThrownBy(() -> MySqlDsn.parse("u@db1?ssl-mode=sometimes"))
        .hasMessageContaining("ssl-mode 'sometimes' is not one of");
  }

  @Test
  void takesWhatTheDsnLeavesOutFromTheOptionFileAndKeepsWhatItSays() {
    ClientDefaults defaults =
        MySqlOptionFile.parse(
            List.of("[client]", "user=ferry", "password=file-secret", "host=db9", "port=3310"),
            "my.cnf");

    assertThat(MySqlDsn.parse("mysql://db1", defaults))
        .isEqualTo(new MySqlDsn("ferry", Optional.of("file-secret"), "db1", 3310));
    assertThat(MySqlDsn.parse("other:pw@db1:3306", defaults))
        .isEqualTo(new MySqlDsn("other", Optional.of("pw"), "db1", 3306));
  }
}
