package io.ferry.collector.influx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterFolderTest {

  @TempDir Path dir;

  /**
   * A disk that fills in the middle of a batch: the kernel's file size limit ({@code ulimit -f 4},
   * 4 KiB) takes the first 4 KiB of a 20 KB batch, then refuses the rest (EFBIG, as ENOSPC on a
   * full disk). The file is cut back to the batches before it, so it stays line protocol that can
   * be posted back, and the next batch that fits is appended after them.
   */
  @Test
  void aBatchTheDiskRefusesHalfWayIsCutOffAgain() throws Exception {
    String first = "# first batch\ncpu,host=a value=1 1\n";
    String big = "# big batch\n" + "cpu,host=a value=2 2\n".repeat(1000);
    String small = "# small batch\ncpu,host=a value=3 3\n";
    Path folder = dir.resolve("dead-letter");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // No hsperfdata file: the JVM's own 32 KiB file would pass the limit.
    var command =
        List.of(
            "bash",
            "-c",
            "ulimit -f 4 && exec \"$0\" \"$@\"",
            java,
            "-XX:-UsePerfData",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            classPath,
            DeadLetterFolderUnderFileSizeLimit.class.getName(),
            folder.toString(),
            first,
            big,
            small);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (var out = child.getInputStream()) {
      output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output.lines().toList())
        .containsExactly(
            "written refused-2026-11-26.lp",
            "failed " + folder.resolve("refused-2026-11-26.lp") + ": File too large",
            "written refused-2026-11-26.lp");
    assertThat(Files.readString(folder.resolve("refused-2026-11-26.lp"))).isEqualTo(first + small);
  }
}
