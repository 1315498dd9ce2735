package io.ferry.agent.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches the collector has not acknowledged yet, kept on disk across agent restarts.
 *
 * <p>Batches are appended to segment files ({@code <number>.seg}, see {@link SpoolRecord}), each
 * record forced to disk before {@link #append} returns. A segment is closed once it holds {@link
 * SpoolConfig#segmentBytes()} and deleted once every batch in it was acknowledged; the file {@code
 * acked} remembers where the oldest unacknowledged batch starts, so a restart resends only what may
 * not have arrived (a batch acknowledged out of order may be sent twice, which the collector's
 * idempotent writes absorb). A record damaged by a kill in the middle of a write is found by its
 * checksum at start-up, logged and skipped.
 *
 * <p>Past {@link SpoolConfig#maxBytes()} the oldest segment is dropped whole, counted and logged.
 * When the directory cannot be written (full or read-only disk), batches are held in memory under
 * the same bound but at most a quarter of the heap, with one loud warning; every later append tries
 * the disk again, and the spool says so when it works.
 *
 * <p>A lock file keeps a second agent (a {@code --once} run next to the service, say) from using
 * the same directory: the second one works in memory, with the same warning.
 *
 * <p>Thread-safe; every method may block on file I/O, so callers use a worker thread. {@link
 * #stats()} does not block.
 */
public final class Spool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
  private static final String SEGMENT_SUFFIX = ".seg";
  static final String CURSOR_FILE = "acked";
  private static final String LOCK_FILE = "lock";

  private final SpoolConfig config;
  private final Path directory;
  private final Clock clock;
  private final long memoryLimit;
  private final TreeMap<Long, Slot> pending = new TreeMap<>();
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private long nextId;
  private long nextSegmentNumber = 1;
  private Segment current;
  private FileChannel currentChannel;
  private long diskBytes;
  private long memoryBytes;
  private long pendingPoints;
  private boolean onDisk = true;
  private long droppedBatches;
  private long droppedPoints;
  private String writtenCursor = "";
  private FileChannel lockChannel;
  private FileLock lock;
  private boolean indexed;
  private volatile SpoolStats stats = SpoolStats.EMPTY;

  private Spool(SpoolConfig config, Clock clock, long memoryLimit) {
    this.config = config;
    this.memoryLimit = Math.min(config.maxBytes(), memoryLimit);
    this.directory = config.directory();
    this.clock = clock;
  }

  /**
   * Opens the spool and indexes the batches a previous run left unacknowledged. Never fails: a
   * directory that cannot be created or read leaves the spool in memory, with a warning.
   */
  public static Spool open(SpoolConfig config, Clock clock) {
    // Batches held in memory must not exhaust the small heap the launcher gives the agent.
    return open(config, clock, Runtime.getRuntime().maxMemory() / 4);
  }

  /**
   * @param memoryLimit the most bytes held in memory while the directory cannot be written
   */
  static Spool open(SpoolConfig config, Clock clock, long memoryLimit) {
    var spool = new Spool(config, clock, memoryLimit);
    spool.recover();
    return spool;
  }

  /**
   * Stores a batch: on disk and forced there when the directory can be written, else in memory.
   * Drops the oldest batches if the spool is now over its bound.
   */
  public synchronized SpoolEntry append(int points, byte[] body) {
    var record = new SpoolRecord(clock.millis(), points, body);
    var entry = new SpoolEntry(nextId++, points, record.createdMillis());
    byte[] bytes = record.encode();
    Slot slot;
    try {
      slot = writeToDisk(entry, bytes);
      if (!onDisk) {
        onDisk = true;
        LOG.warn(
            "spool: {} can be written again; unsent batches are kept on disk again", directory);
      }
    } catch (IOException | RuntimeException e) {
      closeCurrent();
      slot = new Slot(entry, null, 0, bytes.length, body);
      memoryBytes += bytes.length;
      if (onDisk) {
        onDisk = false;
        LOG.error(
            "spool: cannot write to {} ({}). Unsent batches are kept IN MEMORY ONLY (at most {}"
                + " bytes) until it can be written again: they are lost if the agent stops",
            directory,
            describe(e),
            memoryLimit);
      }
    }
    pending.put(entry.id(), slot);
    pendingPoints += points;
    enforceBound();
    publishStats();
    return entry;
  }

  /**
   * The oldest unacknowledged batches, in order, holding at most {@code maxPoints} points together
   * (but always the oldest one, however large).
   */
  public synchronized List<SpoolEntry> oldest(int maxPoints) {
    List<SpoolEntry> entries = new ArrayList<>();
    long points = 0;
    for (Slot slot : pending.values()) {
      points += slot.entry().points();
      if (!entries.isEmpty() && points > maxPoints) {
        break;
      }
      entries.add(slot.entry());
    }
    return entries;
  }

  /**
   * The body of an unacknowledged batch; empty when it was acknowledged or dropped meanwhile, or
   * could not be read back (then it is dropped, counted and logged).
   */
  public synchronized Optional<byte[]> read(long id) {
    Slot slot = pending.get(id);
    if (slot == null) {
      return Optional.empty();
    }
    if (slot.memory() != null) {
      return Optional.of(slot.memory());
    }
    String problem;
    try (var channel = FileChannel.open(slot.segment().path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(slot.size());
      while (buffer.hasRemaining()
          && channel.read(buffer, slot.offset() + buffer.position()) >= 0) {
        // reads until full or end of file
      }
      SpoolRecord.Decoded decoded = SpoolRecord.decode(buffer.array(), 0);
      if (decoded.intact()) {
        return Optional.of(decoded.record().body());
      }
      problem = decoded.damage();
    } catch (IOException e) {
      problem = describe(e);
    }
    LOG.warn(
        "spool segment {}: cannot read the batch at byte {} ({}); dropped its {} points",
        slot.segment().path,
        slot.offset(),
        problem,
        slot.entry().points());
    drop(slot);
    publishStats();
    return Optional.empty();
  }

  /** Forgets a batch the collector acknowledged (or refused for good). */
  public synchronized void ack(long id) {
    Slot slot = pending.remove(id);
    if (slot == null) {
      return;
    }
    release(slot);
    writeCursor();
    publishStats();
  }

  /** The figures at the last change; never blocks. */
  public SpoolStats stats() {
    return stats;
  }

  public Path directory() {
    return directory;
  }

  /** Closes the open segment; the unacknowledged batches stay on disk for the next start. */
  @Override
  public synchronized void close() {
    closeCurrent();
    if (lock != null) {
      writeCursor();
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.debug("spool: releasing the lock of {}: {}", directory, describe(e));
      }
      lock = null;
    }
  }

  private void recover() {
    try {
      prepareDisk();
    } catch (IOException | RuntimeException e) {
      onDisk = false;
      LOG.error(
          "spool: cannot use {} ({}). Unsent batches are kept IN MEMORY ONLY (at most {} bytes)"
              + " until it can be written: they are lost if the agent stops",
          directory,
          describe(e),
          memoryLimit);
    }
    publishStats();
  }

  /**
   * Creates the directory, takes its lock (one agent per spool directory), and the first time it
   * succeeds indexes the segments a previous run left.
   */
  private void prepareDisk() throws IOException {
    if (lock != null) {
      return;
    }
    Files.createDirectories(directory);
    FileChannel channel =
        FileChannel.open(
            directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another ferry-agent process uses this spool directory");
    }
    lockChannel = channel;
    if (indexed) {
      return;
    }
    long[] cursor = readCursor();
    TreeMap<Long, Path> byNumber = new TreeMap<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + SEGMENT_SUFFIX)) {
      for (Path file : stream) {
        segmentNumber(file).ifPresent(number -> byNumber.put(number, file));
      }
    }
    indexed = true;
    long before = pendingPoints;
    int batchesBefore = pending.size();
    for (var file : byNumber.entrySet()) {
      recoverSegment(file.getKey(), file.getValue(), cursor);
    }
    nextSegmentNumber = Math.max(byNumber.isEmpty() ? 1 : byNumber.lastKey() + 1, cursor[0] + 1);
    if (pending.size() > batchesBefore) {
      LOG.info(
          "spool {}: {} batches ({} points) from before the restart will be sent",
          directory,
          pending.size() - batchesBefore,
          pendingPoints - before);
    }
    enforceBound();
  }

  private void recoverSegment(long number, Path path, long[] cursor) {
    byte[] data;
    try {
      data = Files.readAllBytes(path);
    } catch (IOException e) {
      LOG.warn("spool segment {} cannot be read ({}); skipped", path, describe(e));
      return;
    }
    var segment = new Segment(number, path, data.length);
    segments.put(number, segment);
    diskBytes += data.length;
    int offset = 0;
    while (offset < data.length) {
      SpoolRecord.Decoded decoded = SpoolRecord.decode(data, offset);
      if (!decoded.intact()) {
        droppedBatches++;
        LOG.warn(
            "spool segment {}: damaged record at byte {} ({}), probably a write cut short by a"
                + " crash; skipped the last {} bytes of the segment",
            path,
            offset,
            decoded.damage(),
            data.length - offset);
        break;
      }
      boolean acknowledged = number < cursor[0] || (number == cursor[0] && offset < cursor[1]);
      if (!acknowledged) {
        SpoolRecord record = decoded.record();
        var entry = new SpoolEntry(nextId++, record.points(), record.createdMillis());
        pending.put(entry.id(), new Slot(entry, segment, offset, decoded.size(), null));
        pendingPoints += record.points();
        segment.pending++;
      }
      offset += decoded.size();
    }
    if (segment.pending == 0) {
      deleteSegment(segment);
    }
  }

  private Slot writeToDisk(SpoolEntry entry, byte[] bytes) throws IOException {
    prepareDisk();
    if (current == null) {
      Files.createDirectories(directory);
      long number = nextSegmentNumber++;
      Path path = directory.resolve(String.format("%020d%s", number, SEGMENT_SUFFIX));
      currentChannel =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      current = new Segment(number, path, 0);
      segments.put(number, current);
    }
    Segment segment = current;
    long offset = segment.size;
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        currentChannel.write(buffer, offset + buffer.position());
      }
      currentChannel.force(false);
    } finally {
      // Counted even when cut short: the torn bytes are in the file until it is deleted.
      segment.size += buffer.position();
      diskBytes += buffer.position();
    }
    segment.pending++;
    if (segment.size >= config.segmentBytes()) {
      closeCurrent();
    }
    return new Slot(entry, segment, offset, bytes.length, null);
  }

  private void enforceBound() {
    long batchesBefore = droppedBatches;
    long pointsBefore = droppedPoints;
    long oldestDropped = -1;
    while (!pending.isEmpty()
        && (diskBytes + memoryBytes > config.maxBytes() || memoryBytes > memoryLimit)) {
      Slot oldest =
          memoryBytes > memoryLimit
              ? pending.values().stream().filter(s -> s.segment() == null).findFirst().orElseThrow()
              : pending.firstEntry().getValue();
      if (oldestDropped < 0) {
        oldestDropped = oldest.entry().createdMillis();
      }
      if (oldest.segment() == null) {
        pending.remove(oldest.entry().id());
        drop(oldest);
      } else {
        Segment segment = oldest.segment();
        for (Slot slot : List.copyOf(pending.values())) {
          if (slot.segment() == segment) {
            pending.remove(slot.entry().id());
            drop(slot);
          }
        }
      }
    }
    if (droppedBatches > batchesBefore) {
      writeCursor();
      LOG.warn(
          "spool over its bound of {} bytes ({} in memory): dropped the {} oldest unsent batches"
              + " ({} points, spooled since {}); {} points dropped since the agent started",
          config.maxBytes(),
          memoryLimit,
          droppedBatches - batchesBefore,
          droppedPoints - pointsBefore,
          Instant.ofEpochMilli(oldestDropped),
          droppedPoints);
    }
  }

  /** Counts a batch as dropped and releases its storage; the caller removed it from pending. */
  private void drop(Slot slot) {
    pending.remove(slot.entry().id());
    droppedBatches++;
    droppedPoints += slot.entry().points();
    release(slot);
  }

  private void release(Slot slot) {
    pendingPoints -= slot.entry().points();
    if (slot.segment() == null) {
      memoryBytes -= slot.size();
      return;
    }
    Segment segment = slot.segment();
    segment.pending--;
    if (segment.pending == 0) {
      if (segment == current) {
        closeCurrent();
      } else {
        deleteSegment(segment);
      }
    }
  }

  private void closeCurrent() {
    if (current == null) {
      return;
    }
    Segment closing = current;
    current = null;
    try {
      currentChannel.close();
    } catch (IOException e) {
      LOG.debug("closing spool segment {}: {}", closing.path, describe(e));
    }
    currentChannel = null;
    if (closing.pending == 0) {
      deleteSegment(closing);
    }
  }

  private void deleteSegment(Segment segment) {
    segments.remove(segment.number);
    diskBytes -= segment.size;
    try {
      Files.deleteIfExists(segment.path);
    } catch (IOException e) {
      LOG.debug("cannot delete spool segment {}: {}", segment.path, describe(e));
    }
  }

  /** {@code <segment number> <byte offset>}: everything before it was acknowledged. */
  private long[] readCursor() throws IOException {
    Path file = directory.resolve(CURSOR_FILE);
    if (!Files.exists(file)) {
      return new long[] {0, 0};
    }
    String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
    try {
      return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    } catch (RuntimeException e) {
      LOG.warn("spool: {} is not readable; every batch in the spool will be sent again", file);
      return new long[] {0, 0};
    }
  }

  private void writeCursor() {
    if (lock == null) {
      return;
    }
    Slot oldestOnDisk =
        pending.values().stream().filter(slot -> slot.segment() != null).findFirst().orElse(null);
    String cursor =
        oldestOnDisk == null
            ? nextSegmentNumber + " 0"
            : oldestOnDisk.segment().number + " " + oldestOnDisk.offset();
    if (cursor.equals(writtenCursor)) {
      return;
    }
    // Not forced to disk: a cursor lost at a crash only means batches are sent twice.
    try {
      Path temporary = directory.resolve(CURSOR_FILE + ".tmp");
      Files.writeString(temporary, cursor + "\n", StandardCharsets.US_ASCII);
      Files.move(
          temporary,
          directory.resolve(CURSOR_FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      writtenCursor = cursor;
    } catch (IOException e) {
      LOG.debug("spool: cannot write {}: {}", CURSOR_FILE, describe(e));
    }
  }

  private void publishStats() {
    var first = pending.firstEntry();
    stats =
        new SpoolStats(
            diskBytes + memoryBytes,
            pending.size(),
            pendingPoints,
            first == null ? -1 : first.getValue().entry().createdMillis(),
            onDisk,
            droppedBatches,
            droppedPoints);
  }

  private static Optional<Long> segmentNumber(Path file) {
    String name = file.getFileName().toString();
    try {
      return Optional.of(
          Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static final class Segment {
    final long number;
    final Path path;
    long size;
    int pending;

    Segment(long number, Path path, long size) {
      this.number = number;
      this.path = path;
      this.size = size;
    }
  }

  /**
   * Where a pending batch is: in a segment at an offset, or in memory.
   *
   * @param memory the body when held in memory, else null
   */
  private record Slot(SpoolEntry entry, Segment segment, long offset, int size, byte[] memory) {}
}
