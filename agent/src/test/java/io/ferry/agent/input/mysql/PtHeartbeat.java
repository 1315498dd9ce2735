package io.ferry.agent.input.mysql;

import io.ferry.mysqlfacts.HeartbeatTable;
import io.ferry.testkit.LocalMariaDb;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Percona Toolkit's {@code pt-heartbeat} against a test server as the admin user, with {@code
 * --utc} (the time zone Ferry writes and reads) and its own sentinel file, bounded in time.
 */
final class PtHeartbeat {

  private final Path workDir;

  /**
   * @param workDir a private directory for the sentinel file and the tool's output
   */
  PtHeartbeat(Path workDir) {
    this.workDir = workDir;
  }

  /** Whether {@code pt-heartbeat} is on the {@code PATH}. */
  static boolean isInstalled() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "pt-heartbeat")));
  }

  /** What the tool printed (stdout and stderr together) and how it exited. */
  record Result(int exitCode, String output) {}

  /** Runs {@code pt-heartbeat <mode args> --database D --table T} against {@code server}. */
  Result run(LocalMariaDb server, HeartbeatTable table, Duration timeout, String... modeArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("pt-heartbeat"));
    command.addAll(List.of(modeArgs));
    command.addAll(
        List.of(
            "--utc",
            "--no-version-check",
            "--sentinel",
            workDir.resolve("sentinel").toString(),
            "--database",
            table.database(),
            "--table",
            table.table(),
            "h=127.0.0.1,P="
                + server.port()
                + ",u="
                + LocalMariaDb.ADMIN_USER
                + ",p="
                + LocalMariaDb.ADMIN_PASSWORD));
    Path output = Files.createTempFile(workDir, "pt-heartbeat", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new AssertionError(
          "pt-heartbeat did not finish within " + timeout + ": " + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
