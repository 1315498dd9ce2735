package io.ferry.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the server programs the kit runs. Debian installs {@code mariadbd} in {@code /usr/sbin},
 * which is not on an ordinary user's {@code PATH}, so the sbin directories are searched after it.
 */
final class ServerCommands {

  private ServerCommands() {}

  /**
   * The path of {@code program}, from {@code PATH} or else {@code /usr/sbin} or {@code
   * /usr/local/sbin}.
   *
   * @throws IOException naming the program and the Debian package that provides it
   */
  static String find(String program, String debianPackage) throws IOException {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.add("/usr/sbin");
    dirs.add("/usr/local/sbin");
    for (String dir : dirs) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException(
        program
            + " not found on PATH nor in /usr/sbin; install the Debian package "
            + debianPackage
            + " (scripts/lib/ensure-deps.sh does)");
  }
}
