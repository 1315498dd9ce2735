package io.ferry.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process: its output goes to a log file and its pid to a pid file (so
 * a script can kill it if the JVM dies without stopping it).
 */
final class ServerProcess {

  private final String name;
  private final Process process;
  private final Path pidFile;

  private ServerProcess(String name, Process process, Path pidFile) {
    this.name = name;
    this.process = process;
    this.pidFile = pidFile;
  }

  /**
   * Starts {@code command} in {@code workDir}, appending stdout and stderr to {@code logFile}, and
   * writes the pid to {@code pidFile}.
   */
  static ServerProcess start(
      String name, List<String> command, Path workDir, Path logFile, Path pidFile)
      throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    process.getOutputStream().close();
    Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.US_ASCII);
    return new ServerProcess(name, process, pidFile);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends SIGTERM, waits up to {@code grace} for a clean exit, then sends SIGKILL and waits for the
   * process to be gone. Does nothing if it has already exited.
   */
  void stop(Duration grace) {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot delete pid file of " + name + ": " + pidFile, e);
    }
  }
}
