package io.ferry.agent.input.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * A Netty {@link SslContext} that makes its engines with the JDK context it wraps and wraps each in
 * a {@link HandshakeTimingSslEngine} noting into the times of the probe then connecting. Netty's
 * own {@code newHandler} builds the {@code SslHandler} around {@link #newEngine}, so the handler
 * sees the timing engine.
 */
final class HandshakeTimingSslContext extends SslContext {

  private final SslContext context;
  private final PendingHandshake pending;

  HandshakeTimingSslContext(SslContext context, PendingHandshake pending) {
    this.context = context;
    this.pending = pending;
  }

  @Override
  public boolean isClient() {
    return context.isClient();
  }

  @Override
  public List<String> cipherSuites() {
    return context.cipherSuites();
  }

  @Override
  public long sessionCacheSize() {
    return context.sessionCacheSize();
  }

  @Override
  public long sessionTimeout() {
    return context.sessionTimeout();
  }

  @Override
  @SuppressWarnings("deprecation")
  public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
    return context.applicationProtocolNegotiator();
  }

  @Override
  public SSLEngine newEngine(ByteBufAllocator alloc) {
    return new HandshakeTimingSslEngine(context.newEngine(alloc), pending.take());
  }

  @Override
  public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
    return new HandshakeTimingSslEngine(
        context.newEngine(alloc, peerHost, peerPort), pending.take());
  }

  @Override
  public SSLSessionContext sessionContext() {
    return context.sessionContext();
  }
}
