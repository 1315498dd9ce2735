package io.ferry.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the files of one MariaDB instance live, all under {@code <stateDir>/<name>/}.
 *
 * @param instanceDir the instance's own directory
 */
record MariaDbLayout(Path instanceDir) {

  /** Linux limits a unix socket path to 108 bytes, including the terminating zero. */
  private static final int MAX_SOCKET_PATH_BYTES = 107;

  MariaDbLayout {
    instanceDir = instanceDir.toAbsolutePath();
    int socketBytes =
        instanceDir.resolve("mariadbd.sock").toString().getBytes(StandardCharsets.UTF_8).length;
    if (socketBytes > MAX_SOCKET_PATH_BYTES) {
      throw new IllegalArgumentException(
          "state directory too deep for a unix socket ("
              + socketBytes
              + " bytes, at most "
              + MAX_SOCKET_PATH_BYTES
              + "): "
              + instanceDir);
    }
  }

  Path configFile() {
    return instanceDir.resolve("my.cnf");
  }

  Path dataDir() {
    return instanceDir.resolve("data");
  }

  /** The server's own temporary directory: a shared one lets parallel installs collide. */
  Path tmpDir() {
    return instanceDir.resolve("tmp");
  }

  Path socket() {
    return instanceDir.resolve("mariadbd.sock");
  }

  /** Pid file the server itself writes and removes on clean shutdown. */
  Path serverPidFile() {
    return instanceDir.resolve("mariadbd.pid");
  }

  /** Pid file the kit writes when it starts the process. */
  Path processPidFile() {
    return instanceDir.resolve("process.pid");
  }

  Path errorLog() {
    return instanceDir.resolve("error.log");
  }

  /** Output of the last {@code mariadb} client run. */
  Path clientLog() {
    return instanceDir.resolve("client.log");
  }

  /** Whatever the server and {@code mariadb-install-db} print to stdout and stderr. */
  Path consoleLog() {
    return instanceDir.resolve("console.log");
  }
}
