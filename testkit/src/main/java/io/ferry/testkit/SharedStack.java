package io.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link MigrationStack} per JVM, for tests: started on the first {@link #get()} in a new
 * directory (named {@code ferry-stack-*}) under the directory named by the environment variable
 * {@value #STATE_DIR_VARIABLE} when it is set (so that the test script can stop whatever a crashed
 * test JVM left behind), else under {@code java.io.tmpdir}; stopped and deleted by a shutdown hook
 * when the JVM exits. Tests share it, so each creates its own databases and tables (with a unique
 * name) and leaves the replication topology as it found it.
 *
 * <p>After each test class {@link StackHealthExtension} calls {@link #checkAfter(String)}: a class
 * that leaves replication broken is named, and the stack is replaced by a fresh one, so that the
 * classes after it judge their own code rather than the leftovers.
 */
public final class SharedStack {

  private static final Logger LOG = LoggerFactory.getLogger(SharedStack.class);

  /** Environment variable naming the directory under which test stacks keep their state. */
  public static final String STATE_DIR_VARIABLE = "FERRY_TEST_STATE_DIR";

  /** How long the health check waits for replication to settle after a test class: 30 s. */
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  private static MigrationStack stack;
  private static Path stackDir;
  private static RuntimeException startFailure;
  private static boolean hookInstalled;

  private SharedStack() {}

  /**
   * The shared stack, started on first use (thread-safe).
   *
   * @throws UncheckedIOException if it cannot start; later calls throw the same failure at once
   *     instead of trying again
   */
  public static synchronized MigrationStack get() {
    if (startFailure != null) {
      throw startFailure;
    }
    if (stack == null) {
      try {
        startInTempDir();
      } catch (IOException e) {
        startFailure = new UncheckedIOException("the shared test stack cannot start", e);
        throw startFailure;
      }
    }
    return stack;
  }

  /**
   * Checks, if the stack was started, that replication is healthy after {@code testClass} ran:
   * every replica has caught up and every channel runs without error. If not, the stack is stopped
   * (the next {@link #get()} starts a fresh one) and the problem is thrown, naming the class.
   *
   * @throws IllegalStateException naming {@code testClass} and each broken channel with the
   *     server's error
   */
  public static synchronized void checkAfter(String testClass) {
    if (stack == null) {
      return;
    }
    List<String> problems = stack.replicationProblems(SETTLE_TIMEOUT);
    if (problems.isEmpty()) {
      return;
    }
    String message =
        testClass
            + " left replication of the shared test stack broken; the stack is restarted for the"
            + " classes after it:\n  "
            + String.join("\n  ", problems);
    LOG.error(message);
    stopCurrent();
    throw new IllegalStateException(message);
  }

  private static void startInTempDir() throws IOException {
    String base = System.getenv(STATE_DIR_VARIABLE);
    Path dir =
        base == null || base.isBlank()
            ? Files.createTempDirectory("ferry-stack-")
            : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "ferry-stack-");
    try {
      stack = MigrationStack.start(dir);
      stackDir = dir;
    } catch (IOException | RuntimeException e) {
      deleteRecursively(dir);
      throw e;
    }
    if (!hookInstalled) {
      hookInstalled = true;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(SharedStack::stopCurrent, "ferry-shared-stack-stop"));
    }
  }

  private static synchronized void stopCurrent() {
    if (stack != null) {
      stack.close();
      deleteRecursively(stackDir);
      stack = null;
      stackDir = null;
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // nothing to report to at JVM exit; the directory is in the temp dir and harmless
    }
  }
}
