package io.ferry.collector.influx;

import io.ferry.collector.config.DeadLetterConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Run by {@link DeadLetterFolderTest} in a child JVM under a file size limit ({@code ulimit -f}):
 * appends the batches given as arguments to the dead-letter folder {@code args[0]}, one by one, and
 * prints what became of each ({@code written FILE} or {@code failed REASON}).
 */
public final class DeadLetterFolderUnderFileSizeLimit {

  private DeadLetterFolderUnderFileSizeLimit() {}

  public static void main(String[] args) {
    var folder = new DeadLetterFolder(new DeadLetterConfig(Path.of(args[0]), 1L << 30, 1L << 30));
    for (int i = 1; i < args.length; i++) {
      try {
        var appended =
            folder.append(LocalDate.parse("2026-11-26"), args[i].getBytes(StandardCharsets.UTF_8));
        System.out.println(
            "written " + ((DeadLetterFolder.Appended.Written) appended).file().getFileName());
      } catch (IOException e) {
        System.out.println("failed " + e.getMessage());
      }
    }
  }
}
