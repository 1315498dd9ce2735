package io.ferry.agent.input.accesslog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The offset of one log, kept in a small text file in the agent's state directory and replaced
 * atomically (written to a temporary file, forced to disk, renamed over the old one), so that a
 * crash leaves either the old or the new offset, never half of one. Blocking.
 */
final class OffsetStore {

  private static final String VERSION = "1";

  private final Path file;

  OffsetStore(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /**
   * The saved offset; empty when none was saved yet.
   *
   * @throws IOException when the file cannot be read or is damaged (the message names it)
   */
  Optional<FileOffset> load() throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    var properties = new Properties();
    try (Reader reader = new StringReader(text)) {
      properties.load(reader);
    }
    try {
      if (!VERSION.equals(properties.getProperty("version"))) {
        throw new IllegalArgumentException("unknown version " + properties.getProperty("version"));
      }
      return Optional.of(
          new FileOffset(
              required(properties, "file_key"),
              Long.parseLong(required(properties, "position")),
              Long.parseLong(required(properties, "line_number")),
              properties.getProperty("fingerprint", "")));
    } catch (IllegalArgumentException e) {
      throw new IOException("damaged offsets file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the saved offset atomically. */
  void save(FileOffset offset) throws IOException {
    String text =
        "# ferry-agent access log offset; replaced atomically, do not edit while the agent runs\n"
            + "version="
            + VERSION
            + "\nfile_key="
            + offset.fileKey()
            + "\nposition="
            + offset.position()
            + "\nline_number="
            + offset.lineNumber()
            + "\nfingerprint="
            + offset.fingerprint()
            + "\n";
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no " + key);
    }
    return value.trim();
  }
}
