package io.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One {@link MigrationStack} per JVM, for tests: started on the first {@link #get()} in a new
 * directory (named {@code ferry-stack-*}) under the directory named by the environment variable
 * {@value #STATE_DIR_VARIABLE} when it is set (so that the test script can stop whatever a crashed
 * test JVM left behind), else under {@code java.io.tmpdir}; stopped and deleted by a shutdown hook
 * when the JVM exits. Tests share it, so each creates its own databases and tables (with a unique
 * name) and leaves the replication topology as it found it.
 */
public final class SharedStack {

  /** Environment variable naming the directory under which test stacks keep their state. */
  public static final String STATE_DIR_VARIABLE = "FERRY_TEST_STATE_DIR";

  private static MigrationStack stack;
  private static RuntimeException startFailure;

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
        stack = startInTempDir();
      } catch (IOException e) {
        startFailure = new UncheckedIOException("the shared test stack cannot start", e);
        throw startFailure;
      }
    }
    return stack;
  }

  private static MigrationStack startInTempDir() throws IOException {
    String base = System.getenv(STATE_DIR_VARIABLE);
    Path dir =
        base == null || base.isBlank()
            ? Files.createTempDirectory("ferry-stack-")
            : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "ferry-stack-");
    MigrationStack started;
    try {
      started = MigrationStack.start(dir);
    } catch (IOException | RuntimeException e) {
      deleteRecursively(dir);
      throw e;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  started.close();
                  deleteRecursively(dir);
                },
                "ferry-shared-stack-stop"));
    return started;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // nothing to report to at JVM exit; the directory is in the temp dir and harmless
    }
  }
}
