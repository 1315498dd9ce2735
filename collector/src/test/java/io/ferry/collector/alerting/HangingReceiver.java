package io.ferry.collector.alerting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A receiver that accepts connections on loopback and never answers: a hung server. */
public final class HangingReceiver implements AutoCloseable {

  private final ServerSocket socket;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread acceptor;

  private HangingReceiver(ServerSocket socket) {
    this.socket = socket;
    this.acceptor = new Thread(this::accept, "hanging-receiver");
    acceptor.setDaemon(true);
  }

  /** Starts listening on a free loopback port. */
  public static HangingReceiver start() throws IOException {
    HangingReceiver receiver =
        new HangingReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    receiver.acceptor.start();
    return receiver;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        held.add(socket.accept());
        accepted.incrementAndGet();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Connections accepted so far. */
  public int accepted() {
    return accepted.get();
  }

  /** {@code http://127.0.0.1:port} followed by {@code pathAndQuery}. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket connection : held) {
      connection.close();
    }
  }
}
