package io.ferry.agent.input.accesslog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Follows one log file by name, as {@code tail -F} does, and returns its complete lines once each:
 *
 * <ul>
 *   <li>rotation by rename: the renamed file stays open and is read to its end before the new file
 *       under the name is read from its start;
 *   <li>copytruncate and truncation: a file shorter than the position, or whose first line changed,
 *       is read again from its start;
 *   <li>restart: reading resumes at a saved {@link FileOffset}; when the file was rotated while the
 *       agent was stopped, the rotated file is found in the same folder by its identity and read to
 *       its end first.
 * </ul>
 *
 * <p>A line without its line break yet is left for the next poll. Blocking; one thread at a time.
 */
final class LogTailer implements AutoCloseable {

  /** Lines longer than this are cut (and reported as malformed by the caller). */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final int CHUNK_BYTES = 64 * 1024;
  private static final int FINGERPRINT_HEX_DIGITS = 16;

  /** What happened to the followed file, for the input's own counters. */
  interface Events {
    void rotated(Path from);

    void truncated(Path file);

    /** A file rotated away while the agent was stopped could not be found again. */
    void lost(FileOffset offset);
  }

  private final Path path;
  private final Events events;
  private FileChannel channel;
  private Path openedAs;
  private String fileKey;
  private long position;
  private long lineNumber;
  private String fingerprint = "";
  private long bytesRead;

  LogTailer(Path path, Events events) {
    this.path = path;
    this.events = events;
  }

  /**
   * Opens the log where reading stopped last time, or, for a log never read, at its start or end. A
   * missing file is not an error: polls wait for it.
   */
  void open(Optional<FileOffset> saved, boolean fromBeginning) throws IOException {
    close();
    if (saved.isPresent()) {
      resume(saved.get());
    } else if (Files.exists(path)) {
      openAt(path, 0, 0);
      if (!fromBeginning) {
        skipToLastLineEnd();
      }
    }
  }

  /** The complete lines written since the last poll, from every file the log went through. */
  List<LogLine> poll() throws IOException {
    List<LogLine> lines = new ArrayList<>();
    if (channel == null) {
      if (!Files.exists(path)) {
        return lines;
      }
      openAt(path, 0, 0);
    }
    readNewLines(lines);
    Optional<String> current = keyOf(path);
    if (current.isPresent() && !current.get().equals(fileKey)) {
      // The name points at a new file: finish the old one (still open under its new name), then
      // start the new one.
      readNewLines(lines);
      Path old = openedAs;
      openAt(path, 0, 0);
      events.rotated(old);
      readNewLines(lines);
    }
    return lines;
  }

  /** Where reading stands; empty while no file was opened. */
  Optional<FileOffset> offset() {
    return fileKey == null
        ? Optional.empty()
        : Optional.of(new FileOffset(fileKey, position, lineNumber, fingerprint));
  }

  /** Bytes consumed so far, line breaks included. */
  long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  private void resume(FileOffset saved) throws IOException {
    Optional<String> current = keyOf(path);
    if (current.isPresent() && current.get().equals(saved.fileKey())) {
      openAt(path, saved.position(), saved.lineNumber());
      fingerprint = saved.fingerprint();
      return;
    }
    Optional<Path> rotated = findByKey(saved.fileKey());
    if (rotated.isPresent()) {
      openAt(rotated.get(), saved.position(), saved.lineNumber());
      fingerprint = saved.fingerprint();
      return;
    }
    events.lost(saved);
    if (current.isPresent()) {
      openAt(path, 0, 0);
    }
  }

  private void openAt(Path file, long start, long lines) throws IOException {
    close();
    FileChannel opened;
    try {
      opened = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return;
    }
    channel = opened;
    openedAs = file;
    fileKey = keyOf(file).orElseThrow(() -> new NoSuchFileException(file.toString()));
    position = start;
    lineNumber = lines;
    fingerprint = "";
  }

  private void readNewLines(List<LogLine> lines) throws IOException {
    checkReplaced();
    long size = channel.size();
    if (size <= position) {
      return;
    }
    var pending = new ByteArrayOutputStream();
    boolean pendingTooLong = false;
    long pendingStart = position;
    long readAt = position;
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
    while (readAt < size) {
      chunk.clear();
      int read = channel.read(chunk, readAt);
      if (read <= 0) {
        break;
      }
      byte[] bytes = chunk.array();
      int lineStart = 0;
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          appendCapped(pending, bytes, lineStart, i - lineStart);
          pendingTooLong |= pending.size() >= MAX_LINE_BYTES && i - lineStart > 0;
          lines.add(line(pending, pendingTooLong));
          position = readAt + i + 1;
          bytesRead += position - pendingStart;
          pendingStart = position;
          pending.reset();
          pendingTooLong = false;
          lineStart = i + 1;
        }
      }
      appendCapped(pending, bytes, lineStart, read - lineStart);
      if (pending.size() >= MAX_LINE_BYTES) {
        pendingTooLong = true;
      }
      readAt += read;
    }
    if (fingerprint.isEmpty() && lineNumber > 0) {
      fingerprint = firstLineFingerprint().orElse("");
    }
  }

  private LogLine line(ByteArrayOutputStream bytes, boolean tooLong) {
    lineNumber++;
    byte[] raw = bytes.toByteArray();
    int length = raw.length;
    if (length > 0 && raw[length - 1] == '\r') {
      length--;
    }
    String text = new String(raw, 0, length, StandardCharsets.UTF_8);
    return new LogLine(openedAs.toString(), lineNumber, text, tooLong);
  }

  private static void appendCapped(ByteArrayOutputStream out, byte[] bytes, int from, int length) {
    int room = MAX_LINE_BYTES - out.size();
    if (room > 0) {
      out.write(bytes, from, Math.min(room, length));
    }
  }

  /**
   * Starts again from the top when the file is shorter than the position (truncated) or its first
   * line is no longer the one it had (truncated and written past the old position again, or a new
   * file under a reused identity).
   */
  private void checkReplaced() throws IOException {
    boolean shorter = channel.size() < position;
    boolean otherFirstLine =
        !shorter
            && position > 0
            && !fingerprint.isEmpty()
            && !firstLineFingerprint().map(fingerprint::equals).orElse(false);
    if (shorter || otherFirstLine) {
      events.truncated(openedAs);
      position = 0;
      lineNumber = 0;
      fingerprint = "";
    }
  }

  private Optional<String> firstLineFingerprint() throws IOException {
    ByteBuffer head = ByteBuffer.allocate(Math.min(MAX_LINE_BYTES, CHUNK_BYTES));
    int read = channel.read(head, 0);
    for (int i = 0; i < Math.max(read, 0); i++) {
      if (head.get(i) == '\n') {
        try {
          MessageDigest digest = MessageDigest.getInstance("SHA-256");
          digest.update(head.array(), 0, i);
          return Optional.of(
              HexFormat.of().formatHex(digest.digest()).substring(0, FINGERPRINT_HEX_DIGITS));
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
      }
    }
    // No complete first line (or a longer one than we look at): no fingerprint to compare.
    return Optional.empty();
  }

  /** Moves the position past the last complete line, counting nothing: a log never read before. */
  private void skipToLastLineEnd() throws IOException {
    long size = channel.size();
    ByteBuffer one = ByteBuffer.allocate(CHUNK_BYTES);
    long end = size;
    while (end > 0) {
      long from = Math.max(0, end - CHUNK_BYTES);
      one.clear();
      one.limit((int) (end - from));
      channel.read(one, from);
      for (int i = (int) (end - from) - 1; i >= 0; i--) {
        if (one.get(i) == '\n') {
          position = from + i + 1;
          fingerprint = firstLineFingerprint().orElse("");
          return;
        }
      }
      end = from;
    }
  }

  private Optional<Path> findByKey(String key) throws IOException {
    Path folder = path.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> siblings = Files.list(folder)) {
      return siblings
          .filter(Files::isRegularFile)
          .filter(candidate -> keyOf(candidate).map(key::equals).orElse(false))
          .findFirst();
    }
  }

  private static Optional<String> keyOf(Path file) {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return Optional.of(Objects.toString(key, file.toRealPath().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
