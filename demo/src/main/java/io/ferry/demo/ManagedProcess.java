package io.ferry.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process the demo started (the collector or an agent), with its output in a log file.
 * Secrets reach it through the environment, never its command line.
 */
public final class ManagedProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code command} with its output written to {@code log} (replacing what was there). */
  static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    return start(name, command, env, log, ProcessBuilder.Redirect.to(log.toFile()));
  }

  /**
   * Starts {@code command} with its output added to the end of {@code log}, so that a restarted
   * process keeps the log of its earlier run.
   */
  static ManagedProcess startAppending(
      String name, List<String> command, Map<String, String> env, Path log) throws IOException {
    return start(name, command, env, log, ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  private static ManagedProcess start(
      String name,
      List<String> command,
      Map<String, String> env,
      Path log,
      ProcessBuilder.Redirect output)
      throws IOException {
    var builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(output);
    return new ManagedProcess(name, builder.start(), log);
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  /** The operating-system pid of the process. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of the process's log, to explain why it stopped. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Waits for the process to end by itself.
   *
   * @return its exit code
   * @throws IllegalStateException when it has not ended in time (it is then killed)
   */
  public int awaitExit(Duration limit) throws InterruptedException {
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          name + " did not finish within " + limit.toSeconds() + " s; see " + log);
    }
    return process.exitValue();
  }

  /** The whole log. */
  public List<String> logLines() throws IOException {
    return Files.readAllLines(log);
  }

  /** Asks the process to stop (SIGTERM), then kills it if it has not stopped in time. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(10));
  }

  /**
   * Asks the process to stop (SIGTERM) and waits for it to end by itself.
   *
   * @return its exit code
   * @throws IllegalStateException when it has not ended within {@code grace} (it is then killed)
   */
  public int stopGracefully(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      throw new IllegalStateException(
          name + " did not stop within " + grace.toSeconds() + " s of SIGTERM; see " + log);
    }
    return process.exitValue();
  }

  void stop(Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
