package io.ferry.collector.tls;

import io.ferry.collector.config.InfluxTls;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClientOptions;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * {@code influxdb.tls} as client options: for Vert.x's web client (the v1 writer and the {@code
 * /ping} at start-up) and as an {@link SSLContext} for OkHttp (influxdb-client-java, the v2
 * writer). They apply when {@code influxdb.url} is {@code https://}; the host name is verified
 * against the certificate unless {@code verify} is false.
 */
public final class InfluxTlsOptions {

  /** What OkHttp's {@code sslSocketFactory(factory, trustManager)} takes. */
  public record OkHttpTls(SSLContext context, X509TrustManager trustManager, boolean verify) {}

  private InfluxTlsOptions() {}

  /** {@code options} with the CA, the client certificate and verification of {@code tls}. */
  public static WebClientOptions apply(InfluxTls tls, WebClientOptions options) {
    tls.ca()
        .ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
    if (tls.cert().isPresent()) {
      options.setKeyCertOptions(keyCert(tls));
    }
    if (!tls.verify()) {
      options.setTrustAll(true).setVerifyHost(false);
    } else {
      options.setVerifyHost(true);
    }
    return options;
  }

  /** The same settings for OkHttp. */
  public static OkHttpTls okHttp(Vertx vertx, InfluxTls tls) throws Exception {
    X509TrustManager trust;
    if (!tls.verify()) {
      trust = new TrustEverything();
    } else if (tls.ca().isPresent()) {
      trust =
          firstX509(
              new PemTrustOptions()
                  .addCertPath(tls.ca().get().toString())
                  .getTrustManagerFactory(vertx));
    } else {
      var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      trust = firstX509(factory);
    }
    KeyManager[] keys =
        tls.cert().isPresent() ? keyCert(tls).getKeyManagerFactory(vertx).getKeyManagers() : null;
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys, new TrustManager[] {trust}, new SecureRandom());
    return new OkHttpTls(context, trust, tls.verify());
  }

  private static PemKeyCertOptions keyCert(InfluxTls tls) {
    return new PemKeyCertOptions()
        .setCertPath(tls.cert().orElseThrow().toString())
        .setKeyPath(tls.key().orElseThrow().toString());
  }

  private static X509TrustManager firstX509(TrustManagerFactory factory) {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new IllegalStateException("no X.509 trust manager in " + factory.getAlgorithm());
  }

  /** {@code verify: false}: any certificate is accepted (tests only, as the sample says). */
  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
