package io.ferry.collector.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.collector.config.ClusterConfig;
import io.ferry.cutover.Node;
import io.ferry.cutover.NodeConnections;
import io.ferry.testkit.LocalMariaDb;
import io.ferry.testkit.MariaDbOptions;
import io.ferry.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS options of a DSN against a real MariaDB serving a certificate made here with openssl: a CA
 * and a server certificate it signs, a client certificate for an account that requires one, and a
 * second CA that signed nothing the server has.
 */
class TlsConnectionTest {

  @TempDir static Path dir;
  private static LocalMariaDb server;

  @BeforeAll
  static void startServerWithCertificate() throws Exception {
    TestCertificates.make(dir);
    server =
        LocalMariaDb.start(
            dir.resolve("state"),
            MariaDbOptions.builder("tls")
                .serverOption("ssl-ca = " + dir.resolve("ca.pem"))
                .serverOption("ssl-cert = " + dir.resolve("server.pem"))
                .serverOption("ssl-key = " + dir.resolve("server-key.pem"))
                .build());
    server.execute(
        "CREATE USER tls_user@'127.0.0.1' IDENTIFIED BY 'tls-secret' REQUIRE SSL",
        "CREATE USER x509_user@'127.0.0.1' IDENTIFIED BY 'x509-secret' REQUIRE X509");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void verifyCaWithTheRightCaConnectsOverTls() throws Exception {
    Node node = node("tls_user:tls-secret", "?ssl-mode=VERIFY_CA&ssl-ca=" + dir.resolve("ca.pem"));

    assertThat(cipher(node)).isNotBlank();
  }

  @Test
  void aCaAloneMeansVerifyCaAsForTheMySqlClient() throws Exception {
    Node node = node("tls_user:tls-secret", "?ssl-ca=" + dir.resolve("other-ca.pem"));

    assertThatThrownBy(() -> cipher(node)).isInstanceOf(SQLException.class);
  }

  @Test
  void theWrongCaFailsNamingTheCaFile() {
    Node node =
        node("tls_user:tls-secret", "?ssl-mode=VERIFY_CA&ssl-ca=" + dir.resolve("other-ca.pem"));

    assertThatThrownBy(() -> cipher(node))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("cannot connect to old-primary (primary) tls_user @ jdbc:mysql://")
        .hasMessageContaining("tls VERIFY_CA: TLS handshake failed (")
        .hasMessageEndingWith(
            "the server's certificate must be signed by a CA in ssl-ca "
                + dir.resolve("other-ca.pem"));
  }

  @Test
  void aClientCertificateFromPemFilesIsPresented() throws Exception {
    String query =
        "?ssl-mode=VERIFY_IDENTITY&ssl-ca="
            + dir.resolve("ca.pem")
            + "&ssl-cert="
            + dir.resolve("client.pem")
            + "&ssl-key="
            + dir.resolve("client-key.pem");

    assertThat(cipher(node("x509_user:x509-secret", query))).isNotBlank();
    assertThatThrownBy(
            () ->
                cipher(
                    node(
                        "x509_user:x509-secret",
                        "?ssl-mode=VERIFY_CA&ssl-ca=" + dir.resolve("ca.pem"))))
        .as("the same account without its certificate")
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Access denied");
  }

  @Test
  void theOptionFileGivesTheSameTlsSettings() throws Exception {
    Path options = dir.resolve("client.cnf");
    Files.writeString(
        options,
        "[mysqld]\nssl-cipher = ignored-here\n[client]\nuser = tls_user\npassword = \"tls-secret\"\n"
            + "ssl_mode = VERIFY_CA\nssl-ca = "
            + dir.resolve("ca.pem")
            + "\ndefault-character-set = utf8mb4\n");
    MySqlDsn dsn =
        MySqlDsn.parse("mysql://127.0.0.1:" + server.port(), MySqlOptionFile.read(options));
    Node node = new ClusterConfig(dsn, List.of(), null).nodes("old").get(0);

    assertThat(cipher(node)).isNotBlank();
  }

  private static Node node(String credentials, String query) {
    MySqlDsn dsn = MySqlDsn.parse("mysql://" + credentials + "@127.0.0.1:" + server.port() + query);
    assertThat(dsn.password()).isPresent();
    return new ClusterConfig(dsn, List.of(), null).nodes("old").get(0);
  }

  private static String cipher(Node node) throws SQLException {
    try (NodeConnections connections =
            new NodeConnections(Duration.ofSeconds(5), Duration.ofSeconds(10));
        Connection connection = connections.open(node);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
      rows.next();
      return rows.getString(2);
    }
  }
}
