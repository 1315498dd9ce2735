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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Follows one log file by name, as {@code tail -F} does, and returns its complete lines once each:
 *
 * <ul>
 *   <li>rotation by rename: the renamed file stays open and is read to its end before the new file
 *       under the name is read from its start; it is then still read while the server goes on
 *       writing to it (until it reopens its log), and closed once it has not grown for {@link
 *       #DRAIN_IDLE};
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

  /** How long a rotated file is still read after it last grew. */
  static final Duration DRAIN_IDLE = Duration.ofSeconds(60);

  private static final int CHUNK_BYTES = 64 * 1024;
  private static final int FINGERPRINT_HEX_DIGITS = 16;

  /** What happened to the followed file, for the input's own counters. */
  interface Events {
    void rotated(Path from);

    void truncated(Path file);

    /** A file rotated away while the agent was stopped could not be found again. */
    void lost(FileOffset offset);
  }

  /** One open file and how far it was read. */
  private static final class Cursor {
    private final FileChannel channel;
    private final Path name;
    private final String key;
    private long position;
    private long lineNumber;
    private String fingerprint = "";
    private long lastGrowthNanos;

    private Cursor(FileChannel channel, Path name, String key, long position, long lineNumber) {
      this.channel = channel;
      this.name = name;
      this.key = key;
      this.position = position;
      this.lineNumber = lineNumber;
    }
  }

  private final Path path;
  private final Events events;
  private final LongSupplier nanoClock;
  private final List<Cursor> draining = new ArrayList<>();
  private Cursor current;
  private long bytesRead;

  LogTailer(Path path, Events events) {
    this(path, events, System::nanoTime);
  }

  LogTailer(Path path, Events events, LongSupplier nanoClock) {
    this.path = path;
    this.events = events;
    this.nanoClock = nanoClock;
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
      current = openAt(path, 0, 0);
      if (current != null && !fromBeginning) {
        skipToLastLineEnd(current);
      }
    }
  }

  /** The complete lines written since the last poll, from every file the log went through. */
  List<LogLine> poll() throws IOException {
    List<LogLine> lines = new ArrayList<>();
    drainRotated(lines);
    if (current == null) {
      current = Files.exists(path) ? openAt(path, 0, 0) : null;
      if (current == null) {
        return lines;
      }
    }
    readNewLines(current, true, lines);
    Optional<String> key = keyOf(path);
    if (key.isPresent() && !key.get().equals(current.key)) {
      // The name points at a new file: finish the old one (still open under its new name), keep
      // it open for late writes, then start the new one.
      Cursor old = current;
      readNewLines(old, false, lines);
      old.lastGrowthNanos = nanoClock.getAsLong();
      draining.add(old);
      current = openAt(path, 0, 0);
      events.rotated(old.name);
      if (current != null) {
        readNewLines(current, true, lines);
      }
    }
    return lines;
  }

  /** Where reading of the file under the log's name stands; empty while none was opened. */
  Optional<FileOffset> offset() {
    return current == null
        ? Optional.empty()
        : Optional.of(
            new FileOffset(current.key, current.position, current.lineNumber, current.fingerprint));
  }

  /** Bytes consumed so far, line breaks included. */
  long bytesRead() {
    return bytesRead;
  }

  @Override
  public void close() throws IOException {
    for (Cursor rotated : draining) {
      rotated.channel.close();
    }
    draining.clear();
    if (current != null) {
      current.channel.close();
      current = null;
    }
  }

  private void drainRotated(List<LogLine> lines) throws IOException {
    long now = nanoClock.getAsLong();
    for (Iterator<Cursor> it = draining.iterator(); it.hasNext(); ) {
      Cursor rotated = it.next();
      int before = lines.size();
      readNewLines(rotated, false, lines);
      if (lines.size() > before) {
        rotated.lastGrowthNanos = now;
      } else if (now - rotated.lastGrowthNanos >= DRAIN_IDLE.toNanos()) {
        rotated.channel.close();
        it.remove();
      }
    }
  }

  private void resume(FileOffset saved) throws IOException {
    Optional<String> key = keyOf(path);
    Optional<Path> file =
        key.isPresent() && key.get().equals(saved.fileKey())
            ? Optional.of(path)
            : findByKey(saved.fileKey());
    if (file.isPresent()) {
      current = openAt(file.get(), saved.position(), saved.lineNumber());
      if (current != null) {
        current.fingerprint = saved.fingerprint();
      }
      return;
    }
    events.lost(saved);
    if (key.isPresent()) {
      current = openAt(path, 0, 0);
    }
  }

  /** The file opened at a position; null when it disappeared in the meantime. */
  private static Cursor openAt(Path file, long start, long lines) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    Optional<String> key = keyOf(file);
    if (key.isEmpty()) {
      channel.close();
      return null;
    }
    return new Cursor(channel, file, key.get(), start, lines);
  }

  private void readNewLines(Cursor file, boolean checkReplaced, List<LogLine> lines)
      throws IOException {
    if (checkReplaced) {
      checkReplaced(file);
    }
    long size = file.channel.size();
    if (size <= file.position) {
      return;
    }
    var pending = new ByteArrayOutputStream();
    boolean pendingTooLong = false;
    long pendingStart = file.position;
    long readAt = file.position;
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
    while (readAt < size) {
      chunk.clear();
      int read = file.channel.read(chunk, readAt);
      if (read <= 0) {
        break;
      }
      byte[] bytes = chunk.array();
      int lineStart = 0;
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          appendCapped(pending, bytes, lineStart, i - lineStart);
          pendingTooLong |= pending.size() >= MAX_LINE_BYTES && i - lineStart > 0;
          file.lineNumber++;
          lines.add(line(file, pending, pendingTooLong));
          file.position = readAt + i + 1;
          bytesRead += file.position - pendingStart;
          pendingStart = file.position;
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
    if (file.fingerprint.isEmpty() && file.lineNumber > 0) {
      file.fingerprint = firstLineFingerprint(file.channel).orElse("");
    }
  }

  private static LogLine line(Cursor file, ByteArrayOutputStream bytes, boolean tooLong) {
    byte[] raw = bytes.toByteArray();
    int length = raw.length;
    if (length > 0 && raw[length - 1] == '\r') {
      length--;
    }
    String text = new String(raw, 0, length, StandardCharsets.UTF_8);
    return new LogLine(file.name.toString(), file.lineNumber, text, tooLong);
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
  private void checkReplaced(Cursor file) throws IOException {
    boolean shorter = file.channel.size() < file.position;
    boolean otherFirstLine =
        !shorter
            && file.position > 0
            && !file.fingerprint.isEmpty()
            && !firstLineFingerprint(file.channel).map(file.fingerprint::equals).orElse(false);
    if (shorter || otherFirstLine) {
      events.truncated(file.name);
      file.position = 0;
      file.lineNumber = 0;
      file.fingerprint = "";
    }
  }

  private static Optional<String> firstLineFingerprint(FileChannel channel) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(CHUNK_BYTES);
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
  private static void skipToLastLineEnd(Cursor file) throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
    long end = file.channel.size();
    while (end > 0) {
      long from = Math.max(0, end - CHUNK_BYTES);
      chunk.clear();
      chunk.limit((int) (end - from));
      file.channel.read(chunk, from);
      for (int i = (int) (end - from) - 1; i >= 0; i--) {
        if (chunk.get(i) == '\n') {
          file.position = from + i + 1;
          file.fingerprint = firstLineFingerprint(file.channel).orElse("");
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
