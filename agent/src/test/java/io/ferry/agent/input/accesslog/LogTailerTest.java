package io.ferry.agent.input.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailerTest {

  @TempDir Path dir;
  private final List<String> events = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();

  @Test
  void aRotatedFileIsReadUntilItHasBeenIdleForTheDrainTimeThenClosed() throws IOException {
    Path log = dir.resolve("access.log");
    Path rotated = dir.resolve("access.log.1");
    append(log, "one");
    var tailer = new LogTailer(log, new RecordingEvents(), nanos::get);
    tailer.open(Optional.empty(), true);
    assertThat(texts(tailer.poll())).containsExactly("one");

    Files.move(log, rotated);
    append(log, "two");
    assertThat(texts(tailer.poll())).containsExactly("two");
    nanos.addAndGet(LogTailer.DRAIN_IDLE.toNanos() - 1);
    append(rotated, "late");
    assertThat(texts(tailer.poll())).containsExactly("late");
    nanos.addAndGet(LogTailer.DRAIN_IDLE.toNanos());
    assertThat(tailer.poll()).isEmpty();
    append(rotated, "too late");

    assertThat(tailer.poll()).isEmpty();
    assertThat(events).containsExactly("rotated " + log);
    tailer.close();
  }

  @Test
  void linesCarryTheirFileAndNumberAndAPartialLineWaits() throws IOException {
    Path log = dir.resolve("access.log");
    append(log, "a", "b");
    Files.writeString(log, "c-partial", StandardOpenOption.APPEND);
    var tailer = new LogTailer(log, new RecordingEvents(), nanos::get);
    tailer.open(Optional.empty(), true);

    List<LogLine> lines = tailer.poll();
    Files.writeString(log, "-done\n", StandardOpenOption.APPEND);
    List<LogLine> rest = tailer.poll();

    assertThat(lines)
        .containsExactly(
            new LogLine(log.toString(), 1, "a", false), new LogLine(log.toString(), 2, "b", false));
    assertThat(rest).containsExactly(new LogLine(log.toString(), 3, "c-partial-done", false));
    assertThat(tailer.offset().orElseThrow().position()).isEqualTo(Files.size(log));
    tailer.close();
  }

  private static List<String> texts(List<LogLine> lines) {
    return lines.stream().map(LogLine::text).toList();
  }

  private static void append(Path file, String... lines) throws IOException {
    Files.writeString(
        file,
        String.join("\n", lines) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private final class RecordingEvents implements LogTailer.Events {
    @Override
    public void rotated(Path from) {
      events.add("rotated " + from);
    }

    @Override
    public void truncated(Path file) {
      events.add("truncated " + file);
    }

    @Override
    public void lost(FileOffset offset) {
      events.add("lost " + offset);
    }
  }
}
