package io.ferry.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.TestCertificates;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the ingest endpoint ({@code listen.tls}, with client certificates) and towards InfluxDB
 * ({@code influxdb.tls}), with certificates made here by openssl and real clients: the JDK's
 * HttpClient in front, InfluxDB 1.6.7 behind a TLS relay that asks for the collector's client
 * certificate.
 */
class TlsTest {

  @TempDir static Path dir;
  private static LocalInfluxDb influx;
  private static TestCertificates certs;
  private static Vertx vertx;
  private static TlsRelay influxTls;
  private CollectorVerticle collector;

  @BeforeAll
  static void start() throws Exception {
    certs = TestCertificates.make(dir);
    influx = LocalInfluxDb.start(dir.resolve("influx"));
    vertx = Vertx.vertx();
    influxTls = TlsRelay.start(vertx, certs, influx.port(), true);
  }

  @AfterAll
  static void stop() throws Exception {
    influxTls.close();
    vertx.close().await(30, TimeUnit.SECONDS);
    influx.close();
  }

  @AfterEach
  void undeploy() throws Exception {
    if (collector != null) {
      vertx.undeploy(vertx.deploymentIDs().iterator().next()).await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientWithItsCertificateWritesOverHttpsAndTheCollectorWritesToInfluxOverTls()
      throws Exception {
    deploy("tls_ok", "ca.pem");

    HttpResponse<String> response = write(certs.clientContext("ca.pem", true), "tls v=1");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(influx.queryRows("tls_ok", "SELECT v FROM tls"))
        .extracting(row -> row.get("v"))
        .containsExactly(1L);
  }

  @Test
  void aClientWithoutACertificateIsRefusedDuringTheHandshake() throws Exception {
    deploy("tls_no_client_cert", "ca.pem");

    assertThatThrownBy(() -> write(certs.clientContext("ca.pem", false), "tls v=1"))
        .isInstanceOf(IOException.class);
    assertThat(influx.queryRows("tls_no_client_cert", "SHOW MEASUREMENTS")).isEmpty();
  }

  @Test
  void aClientThatDoesNotTrustTheCollectorsCertificateDoesNotConnect() throws Exception {
    deploy("tls_untrusted", "ca.pem");

    assertThatThrownBy(() -> write(certs.clientContext("other-ca.pem", true), "tls v=1"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anInfluxDbCertificateNotSignedByTheConfiguredCaStopsTheStart() {
    assertThatThrownBy(() -> deploy("tls_bad_ca", "other-ca.pem"))
        .hasMessageContaining(influxTls.url())
        .hasMessageContaining("is unreachable")
        .hasMessageContaining("certification path");
    collector = null;
  }

  private void deploy(String database, String influxCa) throws Exception {
    influx.createDatabase(database);
    String yaml =
        """
        listen:
          port: 0
          tls: {cert: server.pem, key: server-key.pem, client_ca: ca.pem}
        auth:
          tokens: [{name: fleet, token: tls-secret}]
        influxdb:
          url: %s
          database: %s
          flush_interval: 10ms
          tls: {ca: %s, cert: client.pem, key: client-key.pem}
        """
            .formatted(influxTls.url(), database, influxCa);
    CollectorConfig config =
        new CollectorConfigLoader(Map.<String, String>of()::get).parse(yaml, "collector.yml", dir);
    collector = new CollectorVerticle(config);
    vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
  }

  private HttpResponse<String> write(SSLContext context, String body) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    return client.send(
        HttpRequest.newBuilder(
                URI.create("https://127.0.0.1:" + collector.actualPort() + "/write?db=any"))
            .header("Authorization", "Token tls-secret")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
