package io.ferry.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SQL through the {@code mariadb} command-line client over an instance's unix socket, as the
 * operating-system user that socket authentication lets in as a superuser. Used before any TCP
 * account exists. The SQL goes through stdin so that passwords never show in a process list.
 */
final class MariaDbCli {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private MariaDbCli() {}

  /**
   * Runs {@code sql} (one or more statements separated by {@code ;}) and returns the client's
   * output.
   *
   * @throws IOException if the client fails or takes longer than 30 s; the message holds its output
   */
  static String run(String instance, MariaDbLayout layout, String socketUser, String sql)
      throws IOException {
    Process client =
        new ProcessBuilder(
                List.of(
                    ServerCommands.find("mariadb", "mariadb-client"),
                    "--defaults-file=" + layout.configFile(),
                    "--protocol=socket",
                    "--user=" + socketUser,
                    "--batch",
                    "--skip-column-names"))
            .redirectErrorStream(true)
            .redirectOutput(layout.clientLog().toFile())
            .start();
    try (OutputStream stdin = client.getOutputStream()) {
      stdin.write(sql.getBytes(StandardCharsets.UTF_8));
    }
    try {
      if (!client.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        client.destroyForcibly();
        throw new IOException(instance + ": mariadb client did not finish within " + TIMEOUT);
      }
    } catch (InterruptedException e) {
      client.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(instance + ": interrupted while running the mariadb client", e);
    }
    String output = Files.readString(layout.clientLog(), StandardCharsets.UTF_8);
    if (client.exitValue() != 0) {
      throw new IOException(
          instance + ": mariadb client exited with " + client.exitValue() + ": " + output.strip());
    }
    return output;
  }
}
