package io.ferry.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Runs a {@link MigrationStack} for scripts: {@code java io.ferry.testkit.StackMain DIR}.
 *
 * <p>Starts the stack in {@code DIR}, prints one line per server, writes {@code
 * DIR/stack.properties} (ports, URLs, users and passwords of this throw-away stack; file mode 600),
 * then runs until its standard input reaches end of file or it receives SIGTERM, and stops every
 * server before it exits. Exit status 0 after a clean stop, 1 if the stack cannot start, 2 on a
 * usage error.
 */
public final class StackMain {

  private StackMain() {}

  /** Entry point; see the class description. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    if (args.length != 1) {
      System.err.println("usage: StackMain STATE_DIR");
      System.exit(2);
    }
    MigrationStack stack;
    try {
      Path dir = Path.of(args[0]).toAbsolutePath();
      stack = MigrationStack.start(dir);
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "ferry-stack-stop"));
      writeProperties(dir.resolve("stack.properties"), StackDescription.properties(stack));
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot start the stack: " + e.getMessage());
      System.exit(1);
      return;
    }
    StackDescription.lines(stack).forEach(out::println);
    out.flush();
    waitForEndOfInput(System.in);
    stack.close();
  }

  /**
   * Writes one {@code key=value} line per entry, in order and unescaped, so that both {@link
   * java.util.Properties} and shell tools read it (no value holds a backslash or a line break).
   */
  private static void writeProperties(Path file, Map<String, String> values) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    StringBuilder text = new StringBuilder("# Ferry test stack: throw-away servers and accounts\n");
    values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static void waitForEndOfInput(InputStream in) {
    try {
      while (in.read() != -1) {
        // input is only a keep-alive; its end is the signal to stop
      }
    } catch (IOException e) {
      // a broken stdin means the controlling script is gone: stop as well
    }
  }
}
