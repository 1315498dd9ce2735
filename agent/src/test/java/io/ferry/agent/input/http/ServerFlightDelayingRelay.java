package io.ferry.agent.input.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP relay on loopback in front of a server that holds the first bytes the server sends on each
 * connection (for a TLS server, its ServerHello: the handshake's first answer) for a set time
 * before passing them on; everything else goes through as it comes. So the client's TCP connection
 * opens at once and only its TLS handshake is slow.
 */
final class ServerFlightDelayingRelay {

  private final Vertx vertx;
  private final NetServer server;
  private final NetClient client;
  private final int targetPort;
  private final AtomicReference<Duration> hold = new AtomicReference<>(Duration.ZERO);
  private final List<ServerBytes> connections = new CopyOnWriteArrayList<>();

  private ServerFlightDelayingRelay(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(this::relay);
  }

  static Future<ServerFlightDelayingRelay> start(Vertx vertx, int targetPort) {
    var relay = new ServerFlightDelayingRelay(vertx, targetPort);
    return relay.server.listen(0, "127.0.0.1").map(listening -> relay);
  }

  int port() {
    return server.actualPort();
  }

  /** How long the server's first bytes are held on connections accepted from now on. */
  void holdServerFirstBytes(Duration duration) {
    hold.set(duration);
  }

  /** How many connections the server has closed. */
  long closedConnections() {
    return connections.stream().filter(c -> c.closed).count();
  }

  /** How many bytes the server sent on each connection so far, in the order they were accepted. */
  List<Long> serverBytesPerConnection() {
    return connections.stream().map(c -> c.bytes.get()).toList();
  }

  Future<Void> close() {
    return server.close().compose(closed -> client.close());
  }

  private void relay(NetSocket downstream) {
    downstream.pause();
    long holdMillis = hold.get().toMillis();
    var serverBytes = new ServerBytes();
    connections.add(serverBytes);
    client
        .connect(targetPort, "127.0.0.1")
        .onFailure(failed -> downstream.close())
        .onSuccess(
            upstream -> {
              var toClient = new HeldFirstBytes(downstream, holdMillis);
              upstream.handler(
                  data -> {
                    serverBytes.bytes.addAndGet(data.length());
                    toClient.write(data);
                  });
              upstream.closeHandler(
                  closed -> {
                    serverBytes.closed = true;
                    toClient.close();
                  });
              downstream.handler(upstream::write);
              downstream.closeHandler(closed -> upstream.close());
              downstream.resume();
            });
  }

  private static final class ServerBytes {
    final AtomicLong bytes = new AtomicLong();
    volatile boolean closed;
  }

  /** The server-to-client direction of one connection; touched on that connection's event loop. */
  private final class HeldFirstBytes {
    private final NetSocket downstream;
    private final long holdMillis;
    private final Buffer held = Buffer.buffer();
    private boolean started;
    private boolean holding;
    private boolean closed;

    HeldFirstBytes(NetSocket downstream, long holdMillis) {
      this.downstream = downstream;
      this.holdMillis = holdMillis;
    }

    void write(Buffer data) {
      if (!started && holdMillis > 0) {
        started = true;
        holding = true;
        vertx.setTimer(holdMillis, timer -> release());
      }
      started = true;
      if (holding) {
        held.appendBuffer(data);
      } else {
        downstream.write(data);
      }
    }

    void close() {
      closed = true;
      if (!holding) {
        downstream.close();
      }
    }

    private void release() {
      holding = false;
      downstream.write(held);
      if (closed) {
        downstream.close();
      }
    }
  }
}
