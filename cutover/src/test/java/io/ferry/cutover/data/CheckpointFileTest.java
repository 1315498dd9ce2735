package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.cutover.report.ChunkDrift;
import io.ferry.cutover.report.ColumnDifference;
import io.ferry.cutover.report.RowDifference;
import io.ferry.cutover.report.Status;
import io.ferry.cutover.report.TableDataResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

  @TempDir Path dir;

  @Test
  void missingFileMeansNothingDone() {
    assertThat(new CheckpointFile(dir.resolve("none.json")).load()).isEqualTo(Checkpoint.EMPTY);
  }

  @Test
  void savedCheckpointLoadsBackEqual() {
    ChunkDrift drift =
        new ChunkDrift(
            List.of("10"),
            List.of("20"),
            10,
            9,
            List.of(
                new RowDifference(List.of("12"), RowDifference.Kind.ONLY_OLD),
                new RowDifference(
                    List.of("15"),
                    RowDifference.Kind.CHANGED,
                    List.of(
                        new ColumnDifference("total", "1.00", "2.00", false),
                        ColumnDifference.nameOnly("api_key", true)))));
    Checkpoint checkpoint =
        new Checkpoint(
            List.of(
                new TableDataResult(
                    "shop", "a", Status.PASS, true, "5 rows identical", 5, 5, 1, 0, List.of())),
            new Checkpoint.InProgress(
                "shop", "b", List.of("20", "x"), 20, 19, 2, 1, List.of(drift)));
    CheckpointFile file = new CheckpointFile(dir.resolve("sub/checkpoint.json"));

    file.save(checkpoint);

    assertThat(file.load()).isEqualTo(checkpoint);
  }

  @Test
  void deleteRemovesTheFile() {
    CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.json"));
    file.save(Checkpoint.EMPTY);

    file.delete();

    assertThat(dir.resolve("checkpoint.json")).doesNotExist();
  }

  @Test
  void unreadableFileIsReportedWithItsName() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{ not json");

    assertThatThrownBy(() -> new CheckpointFile(broken).load())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("broken.json");
  }
}
