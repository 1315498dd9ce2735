package io.ferry.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool on real files: restart, torn writes, the bound, and a directory it cannot write. */
class SpoolTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  @TempDir Path dir;

  private SpoolConfig config(long maxBytes) {
    return new SpoolConfig(dir.resolve("spool"), maxBytes, 1000);
  }

  @Test
  void unacknowledgedBatchesComeBackInOrderAfterARestart() throws IOException {
    try (Spool spool = Spool.open(config(1 << 20), CLOCK)) {
      SpoolEntry first = spool.append(1, body("a"));
      spool.append(2, body("b"));
      spool.append(3, body("c"));
      spool.ack(first.id());
    }

    try (Spool reopened = Spool.open(config(1 << 20), CLOCK)) {
      assertThat(drain(reopened)).containsExactly("b", "c");
      assertThat(reopened.stats().batches()).isZero();
    }
    try (Spool again = Spool.open(config(1 << 20), CLOCK)) {
      assertThat(drain(again)).isEmpty();
      assertThat(segmentFiles()).isEmpty();
    }
  }

  @Test
  void aTornLastRecordIsSkippedWithAWarning() throws IOException {
    try (Spool spool = Spool.open(config(1 << 20), CLOCK)) {
      spool.append(1, body("whole"));
      spool.append(1, body("torn"));
    }
    Path segment = segmentFiles().get(0);
    long size = Files.size(segment);
    try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }

    try (var err = new StandardErrorCapture();
        Spool reopened = Spool.open(config(1 << 20), CLOCK)) {
      assertThat(drain(reopened)).containsExactly("whole");
      assertThat(err.text())
          .contains("damaged record at byte ")
          .contains("torn record")
          .contains("skipped the last");
      assertThat(reopened.stats().droppedBatches()).isEqualTo(1);
    }
  }

  @Test
  void pastTheBoundTheOldestSegmentsAreDroppedCountedAndLogged() {
    int recordSize = new SpoolRecord(0, 10, body("batch-00")).encodedSize();
    // Room for four records; each segment holds one (the segment size is an eighth of the bound).
    try (var err = new StandardErrorCapture();
        Spool spool = Spool.open(config(4L * recordSize), CLOCK)) {
      for (int i = 0; i < 6; i++) {
        spool.append(10, body("batch-0" + i));
      }

      assertThat(spool.stats().droppedBatches()).isEqualTo(2);
      assertThat(spool.stats().droppedPoints()).isEqualTo(20);
      assertThat(spool.stats().bytes()).isLessThanOrEqualTo(4L * recordSize);
      assertThat(err.text())
          .contains("dropped the 1 oldest unsent batches (10 points")
          .contains("20 points dropped since the agent started");
      assertThat(drain(spool)).containsExactly("batch-02", "batch-03", "batch-04", "batch-05");
    }
  }

  @Test
  void aDirectoryItCannotWriteDegradesToMemoryOnceThenRecovers() throws IOException {
    Path blocker = dir.resolve("spool");
    Files.writeString(blocker, "a file where the directory should be");

    try (var err = new StandardErrorCapture();
        Spool spool = Spool.open(config(1 << 20), CLOCK)) {
      spool.append(1, body("kept-in-memory-1"));
      spool.append(1, body("kept-in-memory-2"));

      assertThat(spool.stats().onDisk()).isFalse();
      assertThat(spool.stats().batches()).isEqualTo(2);
      assertThat(err.text()).contains("IN MEMORY ONLY").contains(blocker.toString());
      assertThat(err.text().split("IN MEMORY ONLY", -1)).hasSize(2);

      Files.delete(blocker);
      spool.append(1, body("on-disk"));

      assertThat(spool.stats().onDisk()).isTrue();
      assertThat(err.text()).contains("can be written again");
      assertThat(segmentFiles()).hasSize(1);
      assertThat(drain(spool)).containsExactly("kept-in-memory-1", "kept-in-memory-2", "on-disk");
    }
  }

  @Test
  void inMemoryTheOldestAreDroppedPastTheMemoryLimit() throws IOException {
    Files.writeString(dir.resolve("spool"), "a file where the directory should be");
    int recordSize = new SpoolRecord(0, 3, body("memory-0")).encodedSize();

    try (var err = new StandardErrorCapture();
        Spool spool = Spool.open(config(1 << 20), CLOCK, 2L * recordSize)) {
      for (int i = 0; i < 3; i++) {
        spool.append(3, body("memory-" + i));
      }

      assertThat(spool.stats().droppedPoints()).isEqualTo(3);
      assertThat(err.text()).contains("dropped the 1 oldest unsent batches (3 points");
      assertThat(drain(spool)).containsExactly("memory-1", "memory-2");
    }
  }

  @Test
  void aSecondSpoolOnTheSameDirectoryWorksInMemory() {
    try (Spool first = Spool.open(config(1 << 20), CLOCK);
        var err = new StandardErrorCapture();
        Spool second = Spool.open(config(1 << 20), CLOCK)) {
      first.append(1, body("first"));
      second.append(1, body("second"));

      assertThat(first.stats().onDisk()).isTrue();
      assertThat(second.stats().onDisk()).isFalse();
      assertThat(err.text()).contains("IN MEMORY ONLY");
      assertThat(drain(second)).containsExactly("second");
    }
    try (Spool reopened = Spool.open(config(1 << 20), CLOCK)) {
      assertThat(drain(reopened)).containsExactly("first");
    }
  }

  @Test
  void theOldestBatchesUpToAPointLimitButAlwaysOne() {
    try (Spool spool = Spool.open(config(1 << 20), CLOCK)) {
      SpoolEntry big = spool.append(50, body("big"));
      SpoolEntry small = spool.append(3, body("small"));
      SpoolEntry other = spool.append(4, body("other"));

      assertThat(spool.oldest(10)).containsExactly(big);
      spool.ack(big.id());
      assertThat(spool.oldest(10)).containsExactly(small, other);
      assertThat(spool.oldest(6)).containsExactly(small);
    }
  }

  @Test
  void reportsTheOldestBatchAndTheBytesItHolds() {
    try (Spool spool = Spool.open(config(1 << 20), CLOCK)) {
      assertThat(spool.stats().oldestCreatedMillis()).isEqualTo(-1);
      SpoolEntry entry = spool.append(7, body("x"));

      SpoolStats stats = spool.stats();
      assertThat(stats.oldestCreatedMillis()).isEqualTo(CLOCK.millis());
      assertThat(stats.points()).isEqualTo(7);
      assertThat(stats.bytes()).isEqualTo(new SpoolRecord(0, 7, body("x")).encodedSize());
      spool.ack(entry.id());
      assertThat(spool.stats().bytes()).isZero();
    }
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads and acknowledges every batch, oldest first. */
  private static List<String> drain(Spool spool) {
    List<String> bodies = new ArrayList<>();
    for (var next = spool.oldest(1); !next.isEmpty(); next = spool.oldest(1)) {
      long id = next.get(0).id();
      spool.read(id).ifPresent(b -> bodies.add(new String(b, StandardCharsets.UTF_8)));
      spool.ack(id);
    }
    return bodies;
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("spool"))) {
      return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
    }
  }
}
