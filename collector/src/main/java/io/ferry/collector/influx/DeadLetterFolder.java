package io.ferry.collector.influx;

import io.ferry.collector.config.DeadLetterConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dead-letter folder's files, bounded like a log: a day's batches go to {@code
 * refused-YYYY-MM-DD.lp}, then, once a batch would take that file past {@link
 * DeadLetterConfig#fileBytes()}, to {@code refused-YYYY-MM-DD.1.lp}, {@code .2.lp} and so on. A
 * batch that would take all {@code refused-*.lp} files of the folder past {@link
 * DeadLetterConfig#maxBytes()} is not written. Files are never deleted or renamed here: an operator
 * may be posting one back; removing files makes room again. A batch is never split across files,
 * and one that fails half-way (a full disk) is cut off again, so every file stays valid line
 * protocol. Blocking file I/O: call it on a worker thread. Thread-safe.
 */
final class DeadLetterFolder {

  private static final Pattern FILE =
      Pattern.compile("refused-(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.lp");

  private final DeadLetterConfig config;

  DeadLetterFolder(DeadLetterConfig config) {
    this.config = config;
  }

  /** What became of one batch. */
  sealed interface Appended {
    /** The batch is in {@code file}. */
    record Written(Path file) implements Appended {}

    /**
     * The batch was not written: the folder's files already take {@code folderBytes}, and the
     * batch's {@code batchBytes} would take them past the bound.
     */
    record OverBound(long folderBytes, long batchBytes) implements Appended {}
  }

  /**
   * Appends one batch's text (its comment line and its lines) to the current file of {@code day}.
   *
   * @throws IOException when the folder or the file cannot be written (the file is left as it was)
   */
  synchronized Appended append(LocalDate day, byte[] batch) throws IOException {
    Files.createDirectories(config.dir());
    long folderBytes = 0;
    int lastPart = -1;
    long lastPartBytes = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(config.dir(), "refused-*.lp")) {
      for (Path file : files) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        long size = sizeOf(file);
        folderBytes += size;
        if (name.group(1).equals(day.toString())) {
          int part = name.group(2) == null ? 0 : Integer.parseInt(name.group(2));
          if (part > lastPart) {
            lastPart = part;
            lastPartBytes = size;
          }
        }
      }
    }
    if (folderBytes + batch.length > config.maxBytes()) {
      return new Appended.OverBound(folderBytes, batch.length);
    }
    int part = Math.max(lastPart, 0);
    if (lastPart >= 0 && lastPartBytes > 0 && lastPartBytes + batch.length > config.fileBytes()) {
      part = lastPart + 1;
    }
    Path file = fileFor(day, part);
    appendWhole(file, batch);
    return new Appended.Written(file);
  }

  /** {@code refused-2026-11-26.lp} for part 0, {@code refused-2026-11-26.1.lp} for part 1. */
  Path fileFor(LocalDate day, int part) {
    return config.dir().resolve("refused-" + day + (part == 0 ? "" : "." + part) + ".lp");
  }

  /** Bytes the {@code refused-*.lp} files of the folder take now (0 for a missing folder). */
  synchronized long bytes() throws IOException {
    if (!Files.isDirectory(config.dir())) {
      return 0;
    }
    long total = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(config.dir(), "refused-*.lp")) {
      for (Path file : files) {
        if (FILE.matcher(file.getFileName().toString()).matches()) {
          total += sizeOf(file);
        }
      }
    }
    return total;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      // removed since the listing (an operator cleaning up): it takes no room any more
      return 0;
    }
  }

  /** Appends all of {@code bytes} or, when that fails, cuts the file back to its old length. */
  private static void appendWhole(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      long before = channel.size();
      try {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        try {
          channel.truncate(before);
        } catch (IOException | UnsupportedOperationException cut) {
          e.addSuppressed(cut);
        }
        throw e instanceof FileSystemException
            ? e
            : (IOException)
                new FileSystemException(file.toString(), null, e.getMessage()).initCause(e);
      }
    }
  }
}
