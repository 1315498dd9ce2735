package io.ferry.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the last lines of a server's log, to put them into an error message. */
final class LogTail {

  /** How many lines of a log an error message quotes. */
  static final int DEFAULT_LINES = 20;

  private LogTail() {}

  /** The last {@code count} lines of {@code log}, or a note saying why they cannot be read. */
  static String lastLines(Path log, int count) {
    if (!Files.exists(log)) {
      return "(no log at " + log + ")";
    }
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Whether the log says the server could not bind its port because another process had it. */
  static boolean reportsPortInUse(String tail) {
    return tail.toLowerCase(Locale.ROOT).contains("address already in use");
  }
}
