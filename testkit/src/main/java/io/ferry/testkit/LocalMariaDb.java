package io.ferry.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real MariaDB server ({@code mariadbd}) running as a child process on 127.0.0.1, with an admin
 * account the kit creates ({@link #ADMIN_USER}, all privileges, reachable over TCP from 127.0.0.1).
 *
 * <p>State directory layout, under {@code <stateDir>/<name>/}:
 *
 * <pre>
 * my.cnf         generated --defaults-file (rewritten at every start: the port changes)
 * data/          datadir, created by mariadb-install-db when empty; binary and relay logs too
 * tmp/           the server's temporary files
 * mariadbd.sock  unix socket (root bootstrap only)
 * mariadbd.pid   pid file written by the server
 * process.pid    pid file written by the kit, removed by {@link #stop()}
 * error.log      the server's error log
 * console.log    stdout and stderr of mariadbd and mariadb-install-db
 * client.log     output of the last bootstrap run of the mariadb client
 * </pre>
 */
public final class LocalMariaDb implements AutoCloseable {

  /** Admin account on every server the kit starts: all privileges, with grant option. */
  public static final String ADMIN_USER = "ferry_admin";

  /** Password of {@link #ADMIN_USER}; a fixed, public test secret. */
  public static final String ADMIN_PASSWORD = "ferry-admin-secret";

  /** How long {@link #start} waits for the server to accept connections: 30 s. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #stop()} waits for a clean shutdown before it sends SIGKILL: 30 s. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);
  private static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

  private final MariaDbOptions options;
  private final MariaDbLayout layout;
  private final int port;
  private final ServerProcess process;

  private LocalMariaDb(
      MariaDbOptions options, MariaDbLayout layout, int port, ServerProcess process) {
    this.options = options;
    this.layout = layout;
    this.port = port;
    this.process = process;
  }

  /**
   * Starts a server with its files under {@code stateDir/<options.name()>}: initialises the datadir
   * if it is empty, starts {@code mariadbd}, waits (at most 30 s) until it accepts connections, and
   * creates {@link #ADMIN_USER} if it does not exist (without writing it to the binary log).
   *
   * @throws IOException if any step fails; the message holds the tail of the server's error log
   */
  public static LocalMariaDb start(Path stateDir, MariaDbOptions options) throws IOException {
    MariaDbLayout layout = new MariaDbLayout(stateDir.resolve(options.name()));
    Files.createDirectories(layout.tmpDir());
    return ServerStart.onFreePort(
        () -> {
          LocalMariaDb server = startOnce(options, layout);
          try {
            server.bootstrapAsRoot(
                "CREATE USER IF NOT EXISTS '%s'@'127.0.0.1' IDENTIFIED BY '%s';\n"
                        .formatted(ADMIN_USER, ADMIN_PASSWORD)
                    + "GRANT ALL PRIVILEGES ON *.* TO '%s'@'127.0.0.1' WITH GRANT OPTION;\n"
                        .formatted(ADMIN_USER));
          } catch (IOException e) {
            server.stop();
            throw e;
          }
          return server;
        });
  }

  private static LocalMariaDb startOnce(MariaDbOptions options, MariaDbLayout layout)
      throws IOException {
    int port = FreePort.pick();
    Files.writeString(
        layout.configFile(),
        new MariaDbConfigFile(options, layout, port, RUNNING_AS_ROOT).render());
    if (isEmptyOrMissing(layout.dataDir())) {
      installDataDir(options.name(), layout);
    }
    ServerProcess process =
        ServerProcess.start(
            options.name(),
            List.of(
                ServerCommands.find("mariadbd", "mariadb-server"),
                "--defaults-file=" + layout.configFile()),
            layout.instanceDir(),
            layout.consoleLog(),
            layout.processPidFile());
    LocalMariaDb server = new LocalMariaDb(options, layout, port, process);
    boolean settled = Poll.until(START_TIMEOUT, () -> !process.isAlive() || server.acceptsTcp());
    if (settled && process.isAlive()) {
      return server;
    }
    server.stop();
    String tail = logTails(layout);
    String message =
        options.name()
            + (settled
                ? ": mariadbd exited during start"
                : ": mariadbd did not accept connections within " + START_TIMEOUT)
            + "\n"
            + tail;
    throw LogTail.reportsPortInUse(tail)
        ? new PortInUseException(message)
        : new IOException(message);
  }

  private static boolean isEmptyOrMissing(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void installDataDir(String name, MariaDbLayout layout) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ServerCommands.find("mariadb-install-db", "mariadb-server"));
    command.add("--defaults-file=" + layout.configFile());
    command.add("--skip-test-db");
    command.add("--auth-root-authentication-method=socket");
    command.add(RUNNING_AS_ROOT ? "--user=root" : "--auth-root-socket-user=" + socketUser());
    Process install =
        new ProcessBuilder(command)
            .directory(layout.instanceDir().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.consoleLog().toFile()))
            .start();
    install.getOutputStream().close();
    try {
      if (!install.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        install.destroyForcibly().waitFor();
        throw new IOException(
            name + ": mariadb-install-db did not finish within " + INSTALL_TIMEOUT);
      }
    } catch (InterruptedException e) {
      install.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(name + ": interrupted while initialising the datadir", e);
    }
    if (install.exitValue() != 0) {
      throw new IOException(
          name
              + ": mariadb-install-db exited with "
              + install.exitValue()
              + "\n"
              + logTails(layout));
    }
  }

  private static String socketUser() {
    return RUNNING_AS_ROOT ? "root" : System.getProperty("user.name");
  }

  private boolean acceptsTcp() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePort.LOOPBACK, port), 500);
      return true;
    }
  }

  private static String logTails(MariaDbLayout layout) {
    return "last lines of "
        + layout.errorLog()
        + ":\n"
        + LogTail.lastLines(layout.errorLog(), LogTail.DEFAULT_LINES)
        + "\nlast lines of "
        + layout.consoleLog()
        + ":\n"
        + LogTail.lastLines(layout.consoleLog(), LogTail.DEFAULT_LINES);
  }

  /**
   * Runs SQL as the socket-authenticated superuser through the {@code mariadb} client, with {@code
   * sql_log_bin = 0} so that nothing of it replicates. For accounts created before any TCP login
   * exists.
   */
  void bootstrapAsRoot(String sql) throws IOException {
    try {
      MariaDbCli.run(name(), layout, socketUser(), "SET sql_log_bin = 0;\n" + sql);
    } catch (IOException e) {
      throw new IOException(e.getMessage() + "\n" + logTails(layout), e);
    }
  }

  /** The instance name given in its options. */
  public String name() {
    return options.name();
  }

  /** The options it was started with. */
  public MariaDbOptions options() {
    return options;
  }

  /** The TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Its {@code server_id}. */
  public int serverId() {
    return options.serverId();
  }

  /** Its {@code gtid_domain_id}. */
  public int gtidDomainId() {
    return options.gtidDomainId();
  }

  /** The operating-system pid of the {@code mariadbd} process. */
  public long pid() {
    return process.pid();
  }

  /**
   * A Connector/J URL for {@code database} on this server ({@code ""} for none), over TCP without
   * TLS.
   */
  public String jdbcUrl(String database) {
    return "jdbc:mysql://"
        + FreePort.LOOPBACK
        + ":"
        + port
        + "/"
        + database
        + "?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000";
  }

  /** A new connection, over TCP, as {@link #ADMIN_USER}, with no default database. */
  public Connection connectAdmin() throws SQLException {
    return connect(ADMIN_USER, ADMIN_PASSWORD);
  }

  /** A new connection, over TCP, as {@code user}, with no default database. */
  public Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(""), user, password);
  }

  /**
   * Runs each statement in order on one admin connection, so session settings such as {@code SET
   * sql_log_bin = 0} apply to the statements after them.
   *
   * @throws IllegalStateException naming this instance and the failing statement (passwords
   *     hidden), with the {@link SQLException} as cause
   */
  public void execute(String... sql) {
    String current = "(connect)";
    try (Connection connection = connectAdmin();
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        current = each;
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          name()
              + ": ["
              + SqlRedaction.redact(current)
              + "] failed: "
              + e.getMessage()
              + " (error "
              + e.getErrorCode()
              + ")",
          e);
    }
  }

  /** The unix socket (only the socket-authenticated root account can log in through it). */
  public Path socket() {
    return layout.socket();
  }

  /** The generated {@code --defaults-file}. */
  public Path configFile() {
    return layout.configFile();
  }

  /** The datadir. */
  public Path dataDir() {
    return layout.dataDir();
  }

  /**
   * Shuts the server down cleanly (SIGTERM; SIGKILL only if it is still running after 30 s) and
   * returns once the process is gone. Does nothing if it is already stopped.
   */
  public void stop() {
    process.stop(STOP_GRACE);
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name() + "@127.0.0.1:" + port;
  }
}
