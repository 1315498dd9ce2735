package io.ferry.collector.tls;

import io.ferry.collector.config.ListenTls;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.util.Optional;

/** {@code listen.tls} as Vert.x server options: HTTPS, and client certificates when asked for. */
public final class ListenTlsOptions {

  private ListenTlsOptions() {}

  /** {@code options} with TLS set up as {@code tls} says (unchanged without it). */
  public static HttpServerOptions apply(Optional<ListenTls> tls, HttpServerOptions options) {
    if (tls.isEmpty()) {
      return options;
    }
    options
        .setSsl(true)
        .setKeyCertOptions(
            new PemKeyCertOptions()
                .setCertPath(tls.get().cert().toString())
                .setKeyPath(tls.get().key().toString()));
    tls.get()
        .clientCa()
        .ifPresent(
            ca ->
                options
                    .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
                    .setClientAuth(ClientAuth.REQUIRED));
    return options;
  }
}
