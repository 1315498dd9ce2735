package io.ferry.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** What starting any of the kit's servers on a free loopback port has in common. */
final class ServerStart {

  /** How many times a start is tried when another process took the picked port first: 3. */
  static final int ATTEMPTS = 3;

  /** One try at starting a server. */
  @FunctionalInterface
  interface Attempt<T> {
    T start() throws IOException;
  }

  private ServerStart() {}

  /**
   * Runs {@code attempt} until it succeeds, trying again (at most {@link #ATTEMPTS} times in all)
   * while it fails because the free port it picked was taken before the server bound it.
   */
  static <T> T onFreePort(Attempt<T> attempt) throws IOException {
    PortInUseException lastFailure = null;
    for (int tries = 1; tries <= ATTEMPTS; tries++) {
      try {
        return attempt.start();
      } catch (PortInUseException e) {
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  /**
   * Waits at most {@code timeout} until {@code ready} holds, or until the process exits.
   *
   * @param stop stops the server after a failed start
   * @param exited what went wrong when the process exited during start
   * @param notReady what went wrong when it did not get ready in time
   * @param log the server's log, whose last lines the failure shows
   * @throws IOException if it did not get ready, with the tail of {@code log}; a {@link
   *     PortInUseException} when the log says the port was taken
   */
  static void awaitReady(
      ServerProcess process,
      Duration timeout,
      Poll.Condition ready,
      Runnable stop,
      String exited,
      String notReady,
      Path log)
      throws IOException {
    boolean answered = Poll.until(timeout, () -> !process.isAlive() || ready.holds());
    if (answered && process.isAlive()) {
      return;
    }
    stop.run();
    String tail = LogTail.lastLines(log, LogTail.DEFAULT_LINES);
    String message = (answered ? exited : notReady) + "; last lines of " + log + ":\n" + tail;
    throw LogTail.reportsPortInUse(tail)
        ? new PortInUseException(message)
        : new IOException(message);
  }
}
