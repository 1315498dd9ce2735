package io.ferry.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real SMTP server, Python's {@code aiosmtpd} (Debian package {@code python3-aiosmtpd}), running
 * as a child process on 127.0.0.1 and storing every mail it accepts in a Maildir. It accepts any
 * sender and recipient, without login or TLS. A mail is on disk before the server answers the end
 * of its data with 250, so a sender that got its answer can read the mail at once.
 *
 * <p>State directory layout, under {@code <stateDir>/smtp/}:
 *
 * <pre>
 * maildir/new/   one file per accepted mail, as received
 * smtp.log       the server's stdout and stderr
 * process.pid    pid of the running server, removed by {@link #close()}
 * </pre>
 */
public final class LocalSmtpServer implements AutoCloseable {

  /** How long {@link #start(Path)} waits for the port to accept connections: 30 s. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #close()} waits after SIGTERM before it sends SIGKILL: 10 s. */
  static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ServerProcess process;
  private final int port;
  private final Path maildir;

  private LocalSmtpServer(ServerProcess process, int port, Path maildir) {
    this.process = process;
    this.port = port;
    this.maildir = maildir;
  }

  /**
   * Starts the server with its files under {@code stateDir/smtp} and waits until it greets a
   * connection, at most 30 s.
   *
   * @throws IOException if it cannot start in time; the message holds the tail of its log
   */
  public static LocalSmtpServer start(Path stateDir) throws IOException {
    Path dir = Files.createDirectories(stateDir.resolve("smtp").toAbsolutePath());
    return ServerStart.onFreePort(() -> startOnce(dir));
  }

  private static LocalSmtpServer startOnce(Path dir) throws IOException {
    int port = FreePort.pick();
    Path maildir = dir.resolve("maildir");
    Path log = dir.resolve("smtp.log");
    // The Debian package's own entry point: it runs the system Python that has the module,
    // whatever python3 comes first on PATH.
    ServerProcess process =
        ServerProcess.start(
            "smtp",
            List.of(
                ServerCommands.find("aiosmtpd", "python3-aiosmtpd"),
                "-n",
                "-l",
                FreePort.LOOPBACK + ":" + port,
                "-c",
                "aiosmtpd.handlers.Mailbox",
                maildir.toString()),
            dir,
            log,
            dir.resolve("process.pid"));
    LocalSmtpServer server = new LocalSmtpServer(process, port, maildir);
    ServerStart.awaitReady(
        process,
        START_TIMEOUT,
        server::greets,
        server::close,
        "aiosmtpd exited during start",
        "aiosmtpd did not greet within " + START_TIMEOUT,
        log);
    return server;
  }

  private boolean greets() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePort.LOOPBACK, port), 2000);
      socket.setSoTimeout(2000);
      byte[] greeting = socket.getInputStream().readNBytes(3);
      return new String(greeting, StandardCharsets.US_ASCII).equals("220");
    }
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The host to connect to: {@code 127.0.0.1}. */
  public String host() {
    return FreePort.LOOPBACK;
  }

  /** The mails received so far, each as the raw message text (headers and body), oldest first. */
  public List<String> messages() throws IOException {
    Path received = maildir.resolve("new");
    if (!Files.isDirectory(received)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(received)) {
      // Maildir names start with the delivery time in seconds, then a sequence: sort by time.
      files =
          listing
              .sorted(
                  (a, b) -> {
                    try {
                      return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                    } catch (IOException e) {
                      return 0;
                    }
                  })
              .toList();
    }
    List<String> messages = new ArrayList<>();
    for (Path file : files) {
      messages.add(Files.readString(file, StandardCharsets.UTF_8));
    }
    return messages;
  }

  /** Stops the server: SIGTERM, then SIGKILL after 10 s; returns once the process is gone. */
  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }

  @Override
  public String toString() {
    return "smtp@127.0.0.1:" + port;
  }
}
