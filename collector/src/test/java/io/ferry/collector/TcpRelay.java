package io.ferry.collector;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 that forwards each connection to a target port which can be changed
 * while it runs. Tests put it in front of an InfluxDB that they stop and start again on a new port,
 * so the collector keeps one URL across the restart. A connection whose target cannot be reached is
 * closed at once, as a stopped server's would be.
 */
public final class TcpRelay implements AutoCloseable {

  private final NetServer server;
  private final NetClient client;
  private volatile int targetPort;

  private TcpRelay(Vertx vertx, int targetPort) {
    this.client = vertx.createNetClient();
    this.targetPort = targetPort;
    this.server = vertx.createNetServer().connectHandler(this::relay);
  }

  public static TcpRelay start(Vertx vertx, int targetPort) throws Exception {
    var relay = new TcpRelay(vertx, targetPort);
    relay.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return relay;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public void retarget(int port) {
    targetPort = port;
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
