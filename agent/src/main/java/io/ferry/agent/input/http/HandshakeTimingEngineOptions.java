package io.ferry.agent.input.http;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Vert.x's JDK TLS engine, with each engine's handshake timed for the probe that opens the
 * connection (see {@link PendingHandshake}). Vert.x's HTTP client exposes no point between the TCP
 * connection and the end of the TLS handshake; the engine is where both are seen. The contexts are
 * built by Vert.x's own JDK factory with the client's options, so trust, host name verification and
 * everything else stay Vert.x's.
 */
final class HandshakeTimingEngineOptions extends JdkSSLEngineOptions {

  private final PendingHandshake pending;

  HandshakeTimingEngineOptions(PendingHandshake pending) {
    this.pending = pending;
  }

  private HandshakeTimingEngineOptions(HandshakeTimingEngineOptions other) {
    super(other);
    this.pending = other.pending;
  }

  /** Vert.x copies the client's options; the copy must time into the same probe. */
  @Override
  public HandshakeTimingEngineOptions copy() {
    return new HandshakeTimingEngineOptions(this);
  }

  @Override
  public SslContextFactory sslContextFactory() {
    return new TimingFactory(super.sslContextFactory(), pending);
  }

  /** Vert.x's factory, whose contexts are wrapped in {@link HandshakeTimingSslContext}. */
  private static final class TimingFactory implements SslContextFactory {
    private final SslContextFactory factory;
    private final PendingHandshake pending;

    TimingFactory(SslContextFactory factory, PendingHandshake pending) {
      this.factory = factory;
      this.pending = pending;
    }

    @Override
    public SslContextFactory useAlpn(boolean useAlpn) {
      factory.useAlpn(useAlpn);
      return this;
    }

    @Override
    public SslContextFactory clientAuth(ClientAuth clientAuth) {
      factory.clientAuth(clientAuth);
      return this;
    }

    @Override
    public SslContextFactory forClient(boolean forClient) {
      factory.forClient(forClient);
      return this;
    }

    @Override
    public SslContextFactory keyMananagerFactory(KeyManagerFactory kmf) {
      factory.keyMananagerFactory(kmf);
      return this;
    }

    @Override
    public SslContextFactory trustManagerFactory(TrustManagerFactory tmf) {
      factory.trustManagerFactory(tmf);
      return this;
    }

    @Override
    public SslContextFactory enabledCipherSuites(Set<String> cipherSuites) {
      factory.enabledCipherSuites(cipherSuites);
      return this;
    }

    @Override
    public SslContextFactory applicationProtocols(List<String> applicationProtocols) {
      factory.applicationProtocols(applicationProtocols);
      return this;
    }

    @Override
    public SslContextFactory serverName(String serverName) {
      factory.serverName(serverName);
      return this;
    }

    @Override
    public SslContext create() throws SSLException {
      return new HandshakeTimingSslContext(factory.create(), pending);
    }
  }
}
