package io.ferry.collector;

import io.ferry.testkit.TestCertificates;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.concurrent.TimeUnit;

/**
 * Terminates TLS on 127.0.0.1 and forwards the plain bytes to a real InfluxDB, as a TLS-enabled
 * InfluxDB (or the proxy in front of one) would look to the collector. The testkit's InfluxDB
 * helpers (create database, query) speak plain HTTP, so the test keeps InfluxDB itself on HTTP and
 * puts TLS here; with {@code requireClientCertificate} it refuses a client without one signed by
 * the test CA.
 */
final class TlsRelay implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private final int targetPort;

  private TlsRelay(Vertx vertx, TestCertificates certs, int targetPort, boolean requireClientCert) {
    this.client = vertx.createNetClient();
    this.targetPort = targetPort;
    var options =
        new NetServerOptions()
            .setSsl(true)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertPath(certs.file("server.pem").toString())
                    .setKeyPath(certs.file("server-key.pem").toString()));
    if (requireClientCert) {
      options
          .setTrustOptions(new PemTrustOptions().addCertPath(certs.file("ca.pem").toString()))
          .setClientAuth(ClientAuth.REQUIRED);
    }
    this.server = vertx.createNetServer(options).connectHandler(this::relay);
  }

  static TlsRelay start(
      Vertx vertx, TestCertificates certs, int targetPort, boolean requireClientCert)
      throws Exception {
    var relay = new TlsRelay(vertx, certs, targetPort, requireClientCert);
    relay.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return relay;
  }

  String url() {
    return "https://127.0.0.1:" + server.actualPort();
  }

  private void relay(NetSocket inbound) {
    inbound.pause();
    client
        .connect(targetPort, "127.0.0.1")
        .onSuccess(
            outbound -> {
              inbound.pipeTo(outbound);
              outbound.pipeTo(inbound);
              inbound.resume();
            })
        .onFailure(e -> inbound.close());
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    client.close().await(10, TimeUnit.SECONDS);
  }
}
